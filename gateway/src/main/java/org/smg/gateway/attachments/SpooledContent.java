package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * The decoded bytes of one part (or archive entry), spooled once and read as often as the checks need: in memory
 * up to a stated bound, above it encrypted on disk with a key that never leaves memory. Closing deletes it.
 */
public interface SpooledContent extends AutoCloseable {

    /** Number of bytes held. */
    long size();

    /** The bytes from the start; each call gives an independent stream. */
    InputStream open() throws IOException;

    /** Read-only random access to the bytes (ZIP central directories, PDF cross-reference tables). */
    SeekableByteChannel channel() throws IOException;

    @Override
    void close() throws IOException;
}
