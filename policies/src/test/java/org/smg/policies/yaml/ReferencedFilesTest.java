package org.smg.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencedFilesTest {

    @TempDir
    Path base;

    private Path policies() throws IOException {
        return Files.createDirectories(base.resolve("policies"));
    }

    @Test
    void readTextShouldReturnTheFileText() throws IOException {
        Path directory = policies();
        Files.createDirectories(directory.resolve("terms"));
        Files.writeString(directory.resolve("terms/terms-v1.md"), "Règles de conduite\n");

        assertThat(ReferencedFiles.readText(directory, "terms/terms-v1.md", 1000)).isEqualTo("Règles de conduite\n");
    }

    @Test
    void readTextShouldRefuseAnEmptyFile() throws IOException {
        Path directory = policies();
        Files.createFile(directory.resolve("terms.md"));

        assertThatThrownBy(() -> ReferencedFiles.readText(directory, "terms.md", 1000))
                .hasMessage("file 'terms.md' is empty; expected a UTF-8 text file");
    }

    @Test
    void readTextShouldRefuseAFileThatIsNotUtf8() throws IOException {
        Path directory = policies();
        Files.write(directory.resolve("terms.md"), new byte[] {'R', (byte) 0xE8, 'g', 'l', 'e', 's'});

        assertThatThrownBy(() -> ReferencedFiles.readText(directory, "terms.md", 1000))
                .hasMessage("file 'terms.md' is not valid UTF-8 text");
    }

    @Test
    void readTextShouldRefuseAFileLargerThanTheLimit() throws IOException {
        Path directory = policies();
        Files.writeString(directory.resolve("terms.md"), "x".repeat(1001));

        assertThatThrownBy(() -> ReferencedFiles.readText(directory, "terms.md", 1000))
                .hasMessage("file 'terms.md' is too large (1001 bytes); expected at most 1000 bytes");
    }

    @Test
    void readTextShouldRefuseASymbolicLinkLeadingOutOfTheDirectory() throws IOException {
        Path directory = policies();
        Path outside = Files.writeString(base.resolve("secret.txt"), "not for citizens\n");
        Files.createSymbolicLink(directory.resolve("terms.md"), outside);

        assertThatThrownBy(() -> ReferencedFiles.readText(directory, "terms.md", 1000))
                .hasMessage("'terms.md' leads outside the policy directory (a symbolic link); expected a file inside it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "terms/../../secret.txt", "/etc/passwd", "terms\\v1.md", "./terms.md",
        "terms//v1.md", "terms/", "C:terms.md", ".hidden"})
    void relativePathShouldRefuseAnythingButAPlainRelativePath(String text) {
        assertThatThrownBy(() -> ReferencedFiles.relativePath().parse(text))
                .hasMessageStartingWith("expected a relative path inside the policy directory such as terms/terms-v1.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"terms.md", "terms/terms-v1.md", "terms/2026/v1.0_final.md"})
    void relativePathShouldAcceptPlainRelativePaths(String text) {
        assertThat(ReferencedFiles.relativePath().parse(text)).isEqualTo(text);
    }
}
