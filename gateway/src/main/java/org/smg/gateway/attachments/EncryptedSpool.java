package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Spools decoded parts for inspection and scanning: up to {@code memoryBound} bytes stay in the heap; anything
 * larger goes to an owner-only file in a private directory (the data directory's {@code tmp}), encrypted with
 * AES-256/CTR under a key and counter made for that file and kept only in memory. No plaintext of an attachment
 * ever reaches the disk, and a file left behind by a killed JVM cannot be read (the directory is emptied at start).
 */
public final class EncryptedSpool implements Spool {
    private static final int CHUNK = 64 * 1024;

    private final int memoryBound;
    private final Path directory;

    /**
     * @param memoryBound the most bytes one content keeps in the heap (for example 1 MiB)
     * @param directory a private directory for the encrypted files
     */
    public EncryptedSpool(int memoryBound, Path directory) {
        if (memoryBound < 0 || memoryBound == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("memoryBound must be between 0 and " + (Integer.MAX_VALUE - 1) + ", was " + memoryBound);
        }
        this.memoryBound = memoryBound;
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public SpooledContent write(InputStream in, long limit) throws IOException {
        int inMemory = (int) Math.min(memoryBound, limit);
        byte[] head = in.readNBytes(inMemory + 1);
        if (head.length <= inMemory) {
            return new InMemoryContent(head);
        }
        if (head.length > limit) {
            throw new SpoolLimitExceededException(limit);
        }
        return toEncryptedFile(head, in, limit);
    }

    private SpooledContent toEncryptedFile(byte[] head, InputStream in, long limit) throws IOException {
        Path file = Files.createTempFile(directory, "spool-", ".aes",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        AesCtr ctr = AesCtr.random();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            Cipher cipher = ctr.at(0);
            long size = head.length;
            encrypt(cipher, ByteBuffer.wrap(head), ByteBuffer.allocate(head.length), out);
            byte[] buffer = new byte[CHUNK];
            ByteBuffer encrypted = ByteBuffer.allocate(CHUNK);
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > limit) {
                    throw new SpoolLimitExceededException(limit);
                }
                encrypt(cipher, ByteBuffer.wrap(buffer, 0, read), encrypted, out);
            }
            return new EncryptedFileContent(file, ctr, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void encrypt(Cipher cipher, ByteBuffer plain, ByteBuffer encrypted, FileChannel out) throws IOException {
        encrypted.clear();
        try {
            cipher.update(plain, encrypted);
        } catch (ShortBufferException e) {
            throw new IOException("AES/CTR returned more bytes than it was given", e);
        }
        encrypted.flip();
        while (encrypted.hasRemaining()) {
            out.write(encrypted);
        }
    }
}
