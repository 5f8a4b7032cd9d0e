package org.smg.gateway.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The raw message, its read failures tagged as {@link SourceReadException}. */
final class SourceStream extends FilterInputStream {

    SourceStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw tagged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw tagged(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw tagged(e);
        }
    }

    private static IOException tagged(IOException e) {
        return e instanceof SourceReadException ? e : new SourceReadException(e);
    }
}
