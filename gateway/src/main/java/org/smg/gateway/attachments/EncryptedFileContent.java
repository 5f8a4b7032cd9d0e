package org.smg.gateway.attachments;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Spooled content above the in-memory bound: an AES/CTR encrypted file whose key exists only in this object. */
final class EncryptedFileContent implements SpooledContent {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final AesCtr ctr;
    private final long size;
    private volatile boolean closed;

    EncryptedFileContent(Path file, AesCtr ctr, long size) {
        this.file = file;
        this.ctr = ctr;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return new BufferedInputStream(Channels.newInputStream(channel()), BUFFER);
    }

    @Override
    public SeekableByteChannel channel() throws IOException {
        if (closed) {
            throw new IOException("spooled content already closed");
        }
        return new DecryptingChannel(FileChannel.open(file, StandardOpenOption.READ), ctr, size);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "EncryptedFileContent[" + size + " bytes]";
    }
}
