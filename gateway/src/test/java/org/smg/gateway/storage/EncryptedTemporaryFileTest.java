package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedTemporaryFileTest {
    private static final byte[] CANARY = "canary-7f3a9c-case-file".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void openShouldGiveBackWhatWasWrittenWhenReadTwice() throws Exception {
        byte[] content = content(3 << 20);
        try (EncryptedTemporaryFile file = EncryptedTemporaryFile.create(directory, "test-")) {

            file.fill(new java.io.ByteArrayInputStream(content));

            assertThat(file.size()).isEqualTo(content.length);
            assertThat(digest(file.open())).isEqualTo(digest(new java.io.ByteArrayInputStream(content)));
            assertThat(digest(file.open())).isEqualTo(digest(new java.io.ByteArrayInputStream(content)));
        }
    }

    @Test
    void fileOnDiskShouldNotContainThePlaintextWhenWritten() throws Exception {
        try (EncryptedTemporaryFile file = EncryptedTemporaryFile.create(directory, "test-");
             OutputStream out = file.writer()) {
            for (int i = 0; i < 1000; i++) {
                out.write(CANARY);
            }
            out.close();

            byte[] stored = Files.readAllBytes(single(directory));

            assertThat(stored).hasSize(1000 * CANARY.length);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(new String(CANARY, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void closeShouldDeleteTheFile() throws Exception {
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create(directory, "test-");
        file.fill(new java.io.ByteArrayInputStream(CANARY));

        file.close();

        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    private static Path single(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.findFirst().orElseThrow();
        }
    }

    private static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(42).nextBytes(content);
        return content;
    }

    private static byte[] digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
        }
        return sha.digest();
    }
}
