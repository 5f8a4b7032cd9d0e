package org.smg.gateway.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A part's body decoded from its transfer encoding; a decoding failure (bad base64, a missing boundary, a line
 * beyond the parser's limit) surfaces as {@link MalformedMessageException}, a failure of the source as itself.
 */
final class DecodedBodyStream extends FilterInputStream {

    DecodedBodyStream(InputStream decoded) {
        super(decoded);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw classified(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw classified(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw classified(e);
        }
    }

    /** Closing a part's body must not close the message: the walk goes on to the next part. */
    @Override
    public void close() {
    }

    static IOException classified(IOException e) {
        if (e instanceof SourceReadException || e instanceof MalformedMessageException) {
            return e;
        }
        return new MalformedMessageException("a part's content cannot be decoded", e);
    }
}
