package org.smg.gateway.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Spooled content small enough to stay in the heap (below the spool's stated bound). */
final class InMemoryContent implements SpooledContent {
    private final byte[] bytes;

    InMemoryContent(byte[] bytes) {
        this.bytes = bytes;
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
        return new ReadOnlyChannel(new SeekableInMemoryByteChannel(bytes));
    }

    @Override
    public void close() throws IOException {
    }
}
