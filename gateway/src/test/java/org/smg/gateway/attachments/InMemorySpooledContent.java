package org.smg.gateway.attachments;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Spooled content held in a byte array, for tests. */
public final class InMemorySpooledContent implements SpooledContent {
    private final byte[] bytes;
    private boolean closed;

    private InMemorySpooledContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static InMemorySpooledContent of(byte[] bytes) {
        return new InMemorySpooledContent(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public SeekableByteChannel channel() {
        return new SeekableInMemoryByteChannel(bytes);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
