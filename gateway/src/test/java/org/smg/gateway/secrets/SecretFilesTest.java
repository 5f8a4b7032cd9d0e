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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        writeOwnerOnly(file, "an-existing-secret-value\n");

        Secret secret = SecretFiles.readOrCreate(file);

        assertThat(secret.reveal()).isEqualTo("an-existing-secret-value");
        assertThat(Files.readString(file)).isEqualTo("an-existing-secret-value\n");
    }

    @Test
    void readShouldStripSurroundingWhitespaceWhenFileWasEditedByHand() throws Exception {
        Path file = directory.resolve("storage.secret");
        writeOwnerOnly(file, "  \t a-secret-typed-by-hand \r\n\n");

        Secret secret = SecretFiles.read(file);

        assertThat(secret.reveal()).isEqualTo("a-secret-typed-by-hand");
    }

    @Test
    void readShouldRefuseWhenFileHoldsOnlyWhitespace() throws Exception {
        Path file = directory.resolve("storage.secret");
        writeOwnerOnly(file, " \n");

        assertThatThrownBy(() -> SecretFiles.read(file))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rwx--x---"})
    void readShouldRefuseNamingFileModeAndFixWhenGroupOrOthersHaveAnyPermission(String permissions) throws Exception {
        Path file = directory.resolve("storage.secret");
        Files.writeString(file, "a-secret-others-may-read\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        String mode = String.format("%04o", Integer.parseInt(
            permissions.chars().mapToObj(c -> c == '-' ? "0" : "1").reduce("", String::concat), 2));

        assertThatThrownBy(() -> SecretFiles.read(file))
            .isInstanceOf(UnprotectedSecretFileException.class)
            .hasMessageContaining("secret file " + file + " has mode " + mode)
            .hasMessageContaining("chmod 600 " + file)
            .hasMessageNotContaining("a-secret-others-may-read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------"})
    void readShouldAcceptWhenOnlyTheOwnerHasPermissions(String permissions) throws Exception {
        Path file = directory.resolve("storage.secret");
        Files.writeString(file, "a-private-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThat(SecretFiles.read(file).reveal()).isEqualTo("a-private-secret");
    }

    @Test
    void readOrCreateShouldRefuseWhenTheExistingFileIsReadableByOthers() throws Exception {
        Path file = directory.resolve("webadmin.token");
        Files.writeString(file, "an-existing-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SecretFiles.readOrCreate(file)).isInstanceOf(UnprotectedSecretFileException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("not repaired silently")
            .isEqualTo("rw-r--r--");
    }

    @Test
    void randomTokenShouldNotRepeatWhenCalledTwice() {
        assertThat(SecretFiles.randomToken(32)).isNotEqualTo(SecretFiles.randomToken(32)).hasSize(43);
    }

    /** A secret file as an operator would make it: mode 0600. */
    static Path writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
