package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateTemporaryDirectoryTest {
    @TempDir
    Path data;

    @Test
    void directoryShouldBeCreatedPrivateWhenMissing() throws Exception {
        Path directory = PrivateTemporaryDirectory.prepare(data, data.resolve("tmp").toString());

        assertThat(directory).isEqualTo(data.resolve("tmp").toAbsolutePath()).isDirectory();
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void filesLeftByAKilledJvmShouldBeRemovedAndTheDirectoryMadePrivateWhenItExists() throws Exception {
        Path leftovers = Files.createDirectories(data.resolve("tmp").resolve("nested"));
        Files.writeString(data.resolve("tmp").resolve("imap-literal123.tmp"), "buffered literal");
        Files.writeString(leftovers.resolve("mimemessage-Mail456.m64"), "buffered message");
        Files.setPosixFilePermissions(data.resolve("tmp"), PosixFilePermissions.fromString("rwxr-xr-x"));

        Path directory = PrivateTemporaryDirectory.prepare(data, data.resolve("tmp").toString());

        try (Stream<Path> contents = Files.list(directory)) {
            assertThat(contents).isEmpty();
        }
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void operatorShouldBeWarnedWhenTheJvmBuffersOutsideTheDataDirectory() {
        Path directory = data.resolve("tmp").toAbsolutePath();

        assertThat(PrivateTemporaryDirectory.misplacement(directory, "/tmp"))
            .hasValueSatisfying(warning -> assertThat(warning).contains("/tmp").contains("-Djava.io.tmpdir=" + directory));
        assertThat(PrivateTemporaryDirectory.misplacement(directory, data.resolve("other/../tmp").toString())).isEmpty();
    }
}
