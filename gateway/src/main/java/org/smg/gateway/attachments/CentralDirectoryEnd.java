package org.smg.gateway.attachments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.OptionalLong;

/**
 * The entry count a ZIP's end-of-central-directory record declares (APPNOTE 4.3.16, and the ZIP64 record of 4.3.14
 * when the count does not fit in 16 bits). Read before the central directory is loaded: commons-compress builds an
 * object per entry, so a few megabytes declaring millions of entries would fill the heap before any limit applied.
 */
final class CentralDirectoryEnd {
    private static final int SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int MIN_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private CentralDirectoryEnd() {
    }

    /** The declared number of entries, or empty when no end record is found (the ZIP reader then decides). */
    static OptionalLong declaredEntries(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        if (size < MIN_LENGTH) {
            return OptionalLong.empty();
        }
        int tailLength = (int) Math.min(size, MIN_LENGTH + MAX_COMMENT);
        ByteBuffer tail = read(channel, size - tailLength, tailLength);
        for (int at = tailLength - MIN_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == SIGNATURE) {
                int count = Short.toUnsignedInt(tail.getShort(at + 10));
                return count == 0xFFFF ? zip64Entries(channel, size - tailLength + at) : OptionalLong.of(count);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong zip64Entries(SeekableByteChannel channel, long endOffset) throws IOException {
        if (endOffset < 20) {
            return OptionalLong.of(0xFFFF);
        }
        ByteBuffer locator = read(channel, endOffset - 20, 20);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return OptionalLong.of(0xFFFF);
        }
        long zip64End = locator.getLong(8);
        if (zip64End < 0 || zip64End + 56 > channel.size()) {
            return OptionalLong.empty();
        }
        ByteBuffer end = read(channel, zip64End, 56);
        return end.getInt(0) == ZIP64_END_SIGNATURE ? OptionalLong.of(end.getLong(32)) : OptionalLong.empty();
    }

    private static ByteBuffer read(SeekableByteChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read until full or end of channel
        }
        return buffer.flip().limit(length);
    }
}
