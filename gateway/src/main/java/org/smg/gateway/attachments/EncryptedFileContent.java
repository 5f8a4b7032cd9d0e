package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

import org.smg.gateway.storage.EncryptedTemporaryFile;

/** Spooled content above the in-memory bound: an {@link EncryptedTemporaryFile}, whose key exists only in memory. */
final class EncryptedFileContent implements SpooledContent {
    private final EncryptedTemporaryFile file;
    private volatile boolean closed;

    EncryptedFileContent(EncryptedTemporaryFile file) {
        this.file = file;
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public InputStream open() throws IOException {
        ensureOpen();
        return file.open();
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        ensureOpen();
        return file.channel();
    }

    @Override
    public void close() {
        closed = true;
        file.close();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("spooled content already closed");
        }
    }

    @Override
    public String toString() {
        return "EncryptedFileContent[" + file.size() + " bytes]";
    }
}
