package org.smg.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoriesTest {
    @TempDir
    Path directory;

    @Test
    void createShouldMakeTheDirectoryAndItsMissingParentsOwnerOnly() throws Exception {
        Path nested = directory.resolve("var/db");

        PrivateDirectories.create(nested);

        assertThat(mode(directory.resolve("var"))).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
    }

    @Test
    void createShouldLeaveAnExistingDirectoryAsItIs() throws Exception {
        Path existing = Files.createDirectory(directory.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-x---"));

        PrivateDirectories.create(existing);

        assertThat(mode(existing)).isEqualTo("rwxr-x---");
    }

    @Test
    void createShouldFailWhenAFileStandsWhereTheDirectoryShouldBe() throws Exception {
        Path file = Files.writeString(directory.resolve("james"), "not a directory");

        assertThatThrownBy(() -> PrivateDirectories.create(file)).isInstanceOf(IOException.class);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
