package org.smg.gateway.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Read-only random access to an AES/CTR encrypted file: each read decrypts only the bytes it returns, starting the
 * keystream at the position read. Sequential reads reuse the cipher; a seek makes a new one.
 */
final class DecryptingChannel implements SeekableByteChannel {
    private static final int CHUNK = 64 * 1024;

    private final FileChannel file;
    private final AesCtr ctr;
    private final long size;
    private final ByteBuffer encrypted = ByteBuffer.allocate(CHUNK);
    private long position;
    private Cipher cipher;
    private long cipherPosition = -1;

    DecryptingChannel(FileChannel file, AesCtr ctr, long size) {
        this.file = file;
        this.ctr = ctr;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int wanted = (int) Math.min(Math.min(dst.remaining(), CHUNK), size - position);
        if (wanted == 0) {
            return 0;
        }
        encrypted.clear().limit(wanted);
        int read = file.read(encrypted, position);
        if (read <= 0) {
            throw new IOException("encrypted file shorter than its recorded size");
        }
        encrypted.flip();
        if (cipherPosition != position) {
            cipher = ctr.at(position);
        }
        try {
            cipher.update(encrypted, dst);
        } catch (ShortBufferException e) {
            throw new IOException("AES/CTR returned more bytes than it was given", e);
        }
        position += read;
        cipherPosition = position;
        return read;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!file.isOpen()) {
            throw new ClosedChannelException();
        }
    }
}
