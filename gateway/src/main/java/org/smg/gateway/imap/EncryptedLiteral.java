package org.smg.gateway.imap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imap.message.Literal;
import org.apache.james.imap.utils.EolInputStream;
import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * A literal inside a command spooled to an {@link EncryptedTemporaryFile}: its bytes are read, decrypted, from
 * its offset each time James asks. Closing it (James closes an APPEND's message once it is stored) deletes the file.
 */
final class EncryptedLiteral implements Literal, Closeable {
    private final EncryptedTemporaryFile file;
    private final long offset;
    private final int size;
    private final boolean extraCrlf;
    private final ImapRequestLineReader reader;

    EncryptedLiteral(EncryptedTemporaryFile file, long offset, int size, boolean extraCrlf, ImapRequestLineReader reader) {
        this.file = file;
        this.offset = offset;
        this.size = size;
        this.extraCrlf = extraCrlf;
        this.reader = reader;
    }

    @Override
    public long size() {
        return Math.min(file.size() - offset, size);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        SeekableByteChannel channel = file.channel().position(offset);
        InputStream literal = new BoundedInputStream(Channels.newInputStream(channel), size);
        return extraCrlf ? new EolInputStream(reader, literal) : literal;
    }

    @Override
    public void close() {
        file.close();
    }
}
