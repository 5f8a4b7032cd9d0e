package org.smg.gateway.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the ZIP samples: plain archives, a password-protected one, and the two kinds of zip bomb. */
final class ZipSamples {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private ZipSamples() {
    }

    /** A deflated archive of these entries, in this order, with a fixed time (same bytes on every run). */
    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, List.of());
    }

    /** As {@link #zip(Map)}, the entries named in {@code stored} written without compression (ODF's mimetype). */
    static byte[] zip(Map<String, byte[]> entries, List<String> stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(FIXED_TIME);
                if (stored.contains(entry.getKey())) {
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCompressedSize(entry.getValue().length);
                    zipEntry.setCrc(crc(entry.getValue()));
                }
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One stored entry encrypted with the traditional PKWARE cipher (general purpose bit 0). */
    static byte[] passwordProtected(String name, byte[] plain, String password) {
        long crc = crc(plain);
        byte[] encrypted = new TraditionalZipEncryption(password).encrypt(plain, crc);
        return new RawZipWriter()
                .entry(new RawZipWriter.Fields(name, 0, 1, crc, encrypted.length, plain.length), encrypted)
                .finish();
    }

    /**
     * A 42.zip-style bomb: a leaf of {@code leafSize} zero bytes, copied {@code copies} times in an archive, that
     * archive copied {@code copies} times in the next one, {@code levels} levels deep. Each level is a few kilobytes;
     * fully expanded it is {@code copies^levels * leafSize} bytes.
     */
    static byte[] nestedBomb(int levels, int copies, int leafSize) {
        byte[] content = new byte[leafSize];
        String suffix = ".bin";
        for (int level = 1; level <= levels; level++) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int copy = 0; copy < copies; copy++) {
                entries.put("level" + level + "-" + Integer.toHexString(copy) + suffix, content);
            }
            content = zip(entries);
            suffix = ".zip";
        }
        return content;
    }

    /**
     * David Fifield's overlapping-entry bomb ("A better zip bomb", 2019, the "quoted overlap" form): {@code files}
     * entries whose compressed data all end in one shared kernel of {@code kernelSize} deflated zero bytes; each
     * entry's data starts with a stored deflate block that quotes the next entry's local header, so every header
     * agrees with the central directory and only the overlap gives the bomb away.
     */
    static byte[] overlappingBomb(int files, int kernelSize) {
        byte[] kernel = deflate(new byte[kernelSize]);
        List<RawZipWriter.Fields> fields = new ArrayList<>();
        List<byte[]> headers = new ArrayList<>();
        long size = kernelSize;
        long compressedSize = kernel.length;
        for (int i = files - 1; i >= 0; i--) {
            RawZipWriter.Fields entry = new RawZipWriter.Fields(String.format("file%03d.txt", i), 8, 0,
                    quotedCrc(headers, kernelSize), compressedSize, size);
            byte[] header = RawZipWriter.localHeader(entry);
            fields.add(0, entry);
            headers.add(0, header);
            size += header.length;
            compressedSize += 5 + header.length;
        }
        RawZipWriter writer = new RawZipWriter();
        for (int i = 0; i < files; i++) {
            if (i > 0) {
                writer.raw(storedBlockHeader(headers.get(i).length));
            }
            writer.central(fields.get(i), writer.offset());
            writer.raw(headers.get(i));
        }
        return writer.raw(kernel).finish();
    }

    /** CRC of what an entry expands to: the quoted headers of the entries after it, then the kernel's zeros. */
    private static long quotedCrc(List<byte[]> laterHeaders, int kernelSize) {
        CRC32 crc = new CRC32();
        laterHeaders.forEach(crc::update);
        crc.update(new byte[kernelSize]);
        return crc.getValue();
    }

    /** A non-final stored deflate block header (RFC 1951 3.2.4) for {@code length} literal bytes. */
    private static byte[] storedBlockHeader(int length) {
        return ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0).putShort((short) length).putShort((short) ~length).array();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
