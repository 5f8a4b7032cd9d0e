package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.smg.gateway.storage.EncryptedTemporaryFile;

class ComposeFilesTest {

    @Test
    void endShouldDeleteTheUploadedFilesWhenTheWebSessionEnds() throws Exception {
        WebSession session = new WebSession("id", "token", "a@gateway.localhost", Instant.now());
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create("test-");
        file.fill(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        session.composeFiles().add("a.pdf", 3, "application/pdf", file);

        session.end();

        assertThat(session.composeFiles().list()).isEmpty();
        assertThat(readable(file)).isFalse();
    }

    @Test
    void removeShouldDeleteOnlyTheNamedFile() throws Exception {
        ComposeFiles files = new ComposeFiles();
        EncryptedTemporaryFile first = EncryptedTemporaryFile.create("test-");
        EncryptedTemporaryFile second = EncryptedTemporaryFile.create("test-");
        String id = files.add("a.pdf", 0, "application/pdf", first).id();
        files.add("b.pdf", 0, "application/pdf", second);

        files.remove(id);

        assertThat(files.list()).extracting(ComposeFiles.File::name).containsExactly("b.pdf");
        assertThat(readable(first)).isFalse();
        assertThat(readable(second)).isTrue();
    }

    private static boolean readable(EncryptedTemporaryFile file) {
        try (var in = file.open()) {
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
