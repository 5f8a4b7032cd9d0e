package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * Spools decoded parts for inspection and scanning: up to {@code memoryBound} bytes stay in the heap; anything
 * larger goes to an {@link EncryptedTemporaryFile} in a private directory (the data directory's {@code tmp}):
 * owner-only, AES-256/CTR under a key and counter made for that file and kept only in memory. No plaintext of an attachment
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
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create(directory, "spool-");
        try (OutputStream out = file.writer()) {
            out.write(head);
            byte[] buffer = new byte[CHUNK];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (file.size() + read > limit) {
                    throw new SpoolLimitExceededException(limit);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return new EncryptedFileContent(file);
    }
}
