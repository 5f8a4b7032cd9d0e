package org.smg.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path directory;

    @Test
    void readOrCreateShouldWriteOwnerOnlyFileInOwnerOnlyDirectoryWhenFileIsMissing() throws Exception {
        Path file = directory.resolve("secrets/storage.secret");

        SecretFiles.readOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void readOrCreateShouldHoldThirtyTwoRandomBytesWhenFileIsCreated() throws Exception {
        Secret first = SecretFiles.readOrCreate(directory.resolve("first.secret"));
        Secret second = SecretFiles.readOrCreate(directory.resolve("second.secret"));

        assertThat(Base64.getUrlDecoder().decode(first.reveal())).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(second.reveal())).hasSize(32);
        assertThat(first).isNotEqualTo(second);
        assertThat(Files.readString(directory.resolve("first.secret")).strip()).isEqualTo(first.reveal());
    }

    @Test
    void readOrCreateShouldKeepExistingContentWhenFileExists() throws Exception {
        Path file = directory.resolve("storage.secret");
        Files.writeString(file, "an-existing-secret-value\n");

        Secret secret = SecretFiles.readOrCreate(file);

        assertThat(secret.reveal()).isEqualTo("an-existing-secret-value");
        assertThat(Files.readString(file)).isEqualTo("an-existing-secret-value\n");
    }

    @Test
    void readShouldStripSurroundingWhitespaceWhenFileWasEditedByHand() throws Exception {
        Path file = directory.resolve("storage.secret");
        Files.writeString(file, "  \t a-secret-typed-by-hand \r\n\n", StandardCharsets.UTF_8);

        Secret secret = SecretFiles.read(file);

        assertThat(secret.reveal()).isEqualTo("a-secret-typed-by-hand");
    }

    @Test
    void readShouldRefuseWhenFileHoldsOnlyWhitespace() throws Exception {
        Path file = directory.resolve("storage.secret");
        Files.writeString(file, " \n");

        assertThatThrownBy(() -> SecretFiles.read(file))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("is empty");
    }

    @Test
    void randomTokenShouldNotRepeatWhenCalledTwice() {
        assertThat(SecretFiles.randomToken(32)).isNotEqualTo(SecretFiles.randomToken(32)).hasSize(43);
    }
}
