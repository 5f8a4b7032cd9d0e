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

    @Test
    void addWithinShouldDeleteTheFileInsteadOfAddingItOverTheLimitsOrAfterTheSessionEnded() throws Exception {
        ComposeFiles files = new ComposeFiles();
        EncryptedTemporaryFile first = EncryptedTemporaryFile.create("test-");
        EncryptedTemporaryFile overCount = EncryptedTemporaryFile.create("test-");
        EncryptedTemporaryFile overSize = EncryptedTemporaryFile.create("test-");
        EncryptedTemporaryFile late = EncryptedTemporaryFile.create("test-");

        boolean added = files.addWithin("a.pdf", 10, "application/pdf", first, 2, 25).isPresent();
        boolean sizeRefused = files.addWithin("b.pdf", 16, "application/pdf", overSize, 2, 25).isEmpty();
        files.add("c.pdf", 1, "application/pdf", EncryptedTemporaryFile.create("test-"));
        boolean countRefused = files.addWithin("d.pdf", 1, "application/pdf", overCount, 2, 25).isEmpty();
        files.close();
        boolean lateRefused = files.addWithin("e.pdf", 1, "application/pdf", late, 2, 25).isEmpty();

        assertThat(added).isTrue();
        assertThat(sizeRefused).isTrue();
        assertThat(countRefused).isTrue();
        assertThat(lateRefused).isTrue();
        assertThat(readable(overSize)).isFalse();
        assertThat(readable(overCount)).isFalse();
        assertThat(readable(late)).isFalse();
        assertThat(files.list()).isEmpty();
    }

    @Test
    void clearOfTheSentFilesShouldKeepAFileAddedMeanwhile() throws Exception {
        ComposeFiles files = new ComposeFiles();
        files.add("sent.pdf", 1, "application/pdf", EncryptedTemporaryFile.create("test-"));
        java.util.List<ComposeFiles.File> sent = files.list();
        EncryptedTemporaryFile meanwhile = EncryptedTemporaryFile.create("test-");
        files.add("meanwhile.pdf", 1, "application/pdf", meanwhile);

        files.clear(sent);

        assertThat(files.list()).extracting(ComposeFiles.File::name).containsExactly("meanwhile.pdf");
        assertThat(readable(sent.get(0).content())).isFalse();
        assertThat(readable(meanwhile)).isTrue();
    }

    private static boolean readable(EncryptedTemporaryFile file) {
        try (var in = file.open()) {
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
