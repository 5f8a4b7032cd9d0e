package org.smg.gateway.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes ZIP files field by field (APPNOTE 4.3), for test archives no archiver writes: encrypted entries, entries
 * that overlap, local headers that disagree with the central directory. No ZIP64, no data descriptors.
 */
final class RawZipWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<byte[]> centralRecords = new ArrayList<>();

    /** Fields of one entry as a header states them. */
    record Fields(String name, int method, int flags, long crc, long compressedSize, long size) {
        byte[] rawName() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A local header and its data here, and the matching central directory record. */
    RawZipWriter entry(Fields fields, byte[] data) {
        central(fields, out.size());
        raw(localHeader(fields));
        return raw(data);
    }

    /** Bytes as they are, where the file now ends. */
    RawZipWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Where the next bytes go. */
    long offset() {
        return out.size();
    }

    /** A central directory record pointing at a local header at {@code localHeaderOffset}. */
    RawZipWriter central(Fields fields, long localHeaderOffset) {
        byte[] name = fields.rawName();
        ByteBuffer record = little(46 + name.length);
        record.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) fields.flags())
                .putShort((short) fields.method()).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) fields.crc()).putInt((int) fields.compressedSize()).putInt((int) fields.size())
                .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt((int) localHeaderOffset).put(name);
        centralRecords.add(record.array());
        return this;
    }

    static byte[] localHeader(Fields fields) {
        byte[] name = fields.rawName();
        ByteBuffer header = little(30 + name.length);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) fields.flags()).putShort((short) fields.method())
                .putShort((short) 0).putShort((short) 0x21).putInt((int) fields.crc())
                .putInt((int) fields.compressedSize()).putInt((int) fields.size())
                .putShort((short) name.length).putShort((short) 0).put(name);
        return header.array();
    }

    /** The central directory and its end record after everything written so far. */
    byte[] finish() {
        long directoryOffset = out.size();
        centralRecords.forEach(out::writeBytes);
        long directorySize = out.size() - directoryOffset;
        ByteBuffer end = little(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) centralRecords.size())
                .putShort((short) centralRecords.size()).putInt((int) directorySize).putInt((int) directoryOffset)
                .putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
