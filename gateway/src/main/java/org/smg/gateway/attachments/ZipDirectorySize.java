package org.smg.gateway.attachments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.OptionalLong;

/**
 * The size of a ZIP archive's central directory, read from its end records (ZIP64 included) before anything opens
 * it: commons-compress's {@code ZipFile} loads the whole directory into the heap, so a crafted archive claiming
 * millions of entries must be turned away first.
 */
final class ZipDirectorySize {
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipDirectorySize() {
    }

    /** The central directory's size in bytes, or empty when no end record is found (not a ZIP, or damaged). */
    static OptionalLong of(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        int tail = (int) Math.min(size, END_RECORD_SIZE + MAX_COMMENT);
        ByteBuffer end = read(channel, size - tail, tail);
        for (int at = tail - END_RECORD_SIZE; at >= 0; at--) {
            if (end.getInt(at) == END_RECORD) {
                long directorySize = end.getInt(at + 12) & 0xFFFFFFFFL;
                int entries = end.getShort(at + 10) & 0xFFFF;
                if (directorySize == 0xFFFFFFFFL || entries == 0xFFFF) {
                    return zip64DirectorySize(channel, size - tail + at);
                }
                return OptionalLong.of(directorySize);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong zip64DirectorySize(SeekableByteChannel channel, long endRecordPosition) throws IOException {
        if (endRecordPosition < 20) {
            return OptionalLong.empty();
        }
        ByteBuffer locator = read(channel, endRecordPosition - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR) {
            return OptionalLong.empty();
        }
        long recordPosition = locator.getLong(8);
        if (recordPosition < 0 || recordPosition > channel.size() - 56) {
            return OptionalLong.empty();
        }
        ByteBuffer record = read(channel, recordPosition, 56);
        if (record.getInt(0) != ZIP64_END_RECORD) {
            return OptionalLong.empty();
        }
        long directorySize = record.getLong(40);
        return directorySize < 0 ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(directorySize);
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // a read returns at most one chunk
        }
        return buffer.flip();
    }
}
