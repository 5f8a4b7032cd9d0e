package org.smg.gateway.attachments;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * The local file header of one ZIP entry, read from where the central directory says it is (APPNOTE 4.3.7). Readers
 * that follow local headers and readers that follow the central directory see different files when the two disagree,
 * so the checks compare them instead of trusting either.
 */
record LocalFileHeader(int flags, int method, long crc, long compressedSize, long size, byte[] rawName, long dataOffset) {
    static final int SIGNATURE = 0x04034b50;
    private static final int FIXED_LENGTH = 30;

    /** @throws IOException when no local header starts at {@code offset} */
    static LocalFileHeader read(SeekableByteChannel channel, long offset) throws IOException {
        ByteBuffer fixed = readFully(channel, offset, FIXED_LENGTH);
        if (fixed.getInt(0) != SIGNATURE) {
            throw new IOException("no local file header at offset " + offset);
        }
        int nameLength = Short.toUnsignedInt(fixed.getShort(26));
        int extraLength = Short.toUnsignedInt(fixed.getShort(28));
        byte[] name = new byte[nameLength];
        readFully(channel, offset + FIXED_LENGTH, nameLength).get(name);
        return new LocalFileHeader(Short.toUnsignedInt(fixed.getShort(6)), Short.toUnsignedInt(fixed.getShort(8)),
                Integer.toUnsignedLong(fixed.getInt(14)), Integer.toUnsignedLong(fixed.getInt(18)),
                Integer.toUnsignedLong(fixed.getInt(22)), name, offset + FIXED_LENGTH + nameLength + extraLength);
    }

    /** Bit 3: sizes and CRC are in a data descriptor after the data, zero here. */
    boolean hasDataDescriptor() {
        return (flags & 0x08) != 0;
    }

    /** Bit 0: the entry is encrypted. */
    boolean encrypted() {
        return (flags & 0x01) != 0;
    }

    private static ByteBuffer readFully(SeekableByteChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the archive ends inside a local file header at offset " + offset);
            }
        }
        return buffer.flip();
    }
}
