package org.smg.gateway.imap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.decode.DecodingException;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imap.message.Literal;
import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * Reads one command whose bytes, literal included, were spooled to an {@link EncryptedTemporaryFile} by the
 * {@link EncryptingFrameDecoder}. A literal is not read: it becomes an {@link EncryptedLiteral} over its range of
 * the file, and reading goes on after it. Continuations are the {@link LiteralGate}'s, sent before the upload.
 */
final class EncryptedCommandReader extends ImapRequestLineReader {
    private static final int BUFFER = 8 * 1024;

    private final EncryptedTemporaryFile file;
    private final SeekableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();

    EncryptedCommandReader(EncryptedTemporaryFile file) throws IOException {
        this.file = file;
        this.channel = file.channel();
    }

    @Override
    public char nextChar() throws DecodingException {
        if (!nextSeen) {
            try {
                if (!buffer.hasRemaining() && !refill()) {
                    throw new DecodingException(HumanReadableText.ILLEGAL_ARGUMENTS, "Unexpected end of stream.");
                }
            } catch (IOException e) {
                throw new DecodingException(HumanReadableText.SOCKET_IO_FAILURE, "Error reading from stream.", e);
            }
            nextChar = (char) (buffer.get() & 0xFF);
            nextSeen = true;
        }
        return nextChar;
    }

    @Override
    public Literal read(int size, boolean extraCRLF) throws IOException {
        nextSeen = false;
        nextChar = 0;
        long offset = channel.position() - buffer.remaining();
        channel.position(offset + size);
        buffer.clear().flip();
        return new EncryptedLiteral(file, offset, size, extraCRLF, this);
    }

    @Override
    protected void commandContinuationRequest() {
        // Sent by the literal gate while the literal was still on its way.
    }

    private boolean refill() throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        return read > 0;
    }
}
