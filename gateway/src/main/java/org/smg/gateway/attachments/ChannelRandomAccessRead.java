package org.smg.gateway.attachments;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * PDFBox's random access over a spooled file's channel, through one small read buffer: the PDF is parsed where it
 * lies (in memory or encrypted on disk) instead of being copied into the heap, which PDFBox does with a plain
 * input stream.
 */
final class ChannelRandomAccessRead implements RandomAccessRead {
    private static final int BUFFER_SIZE = 16 * 1024;

    private final SeekableByteChannel channel;
    private final long length;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    /** File position of buffer[0]; the buffer holds {@code buffer.limit()} bytes from there. */
    private long bufferStart;
    private long position;
    private boolean closed;

    ChannelRandomAccessRead(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.length = channel.size();
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        int value = buffer.get((int) (position - bufferStart)) & 0xFF;
        position++;
        return value;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int index = (int) (position - bufferStart);
        int count = Math.min(length, buffer.limit() - index);
        buffer.get(index, bytes, offset, count);
        position += count;
        return count;
    }

    /** Makes the buffer cover {@link #position}; false at the end of the file. */
    private boolean fill() throws IOException {
        ensureOpen();
        if (position >= length) {
            return false;
        }
        if (position >= bufferStart && position < bufferStart + buffer.limit()) {
            return true;
        }
        buffer.clear();
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // read until the buffer is full or the channel has no more bytes
        }
        buffer.flip();
        bufferStart = position;
        if (buffer.limit() == 0) {
            throw new EOFException("the file ended before its stated length");
        }
        return true;
    }

    @Override
    public long getPosition() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IOException("negative position " + newPosition);
        }
        position = Math.min(newPosition, length);
    }

    @Override
    public long length() throws IOException {
        ensureOpen();
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() throws IOException {
        ensureOpen();
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        ensureOpen();
        return new RandomAccessReadView(this, startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
    }
}
