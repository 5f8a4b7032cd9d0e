package org.smg.gateway.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.PrivateDirectories;

/**
 * The JVM's temporary directory, {@code <data>/tmp}. James buffers SMTP messages over 100 KiB and
 * large IMAP literals there in plain text while they are in flight; in the system temporary
 * directory they would outlive a killed JVM. Here the directory is private (0700) and emptied at
 * every start, once the database lock has shown that no other gateway uses this data directory.
 *
 * <p>The JDK reads {@code java.io.tmpdir} once, when the JVM starts, so the launcher must pass
 * {@code -Djava.io.tmpdir=<data>/tmp} ({@code ./run.sh} does); a JVM started otherwise gets a warning.
 */
public final class PrivateTemporaryDirectory {
    private static final Logger LOGGER = LoggerFactory.getLogger(PrivateTemporaryDirectory.class);

    private PrivateTemporaryDirectory() {
    }

    /** Creates or empties {@code <data>/tmp}, warns when the JVM puts its temporary files elsewhere; returns the directory. */
    public static Path prepare(Path dataDirectory, String jvmTemporaryDirectory) {
        Path directory = dataDirectory.resolve("tmp").toAbsolutePath().normalize();
        try {
            if (Files.exists(directory)) {
                int removed = empty(directory);
                if (removed > 0) {
                    LOGGER.info("Removed {} temporary files left by an earlier run from {}", removed, directory);
                }
            } else {
                PrivateDirectories.create(directory);
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the temporary directory " + directory + ": " + e.getMessage(), e);
        }
        misplacement(directory, jvmTemporaryDirectory).ifPresent(LOGGER::warn);
        return directory;
    }

    /** The warning for a JVM whose temporary files go elsewhere than {@code directory}, if they do. */
    static Optional<String> misplacement(Path directory, String jvmTemporaryDirectory) {
        if (directory.equals(Path.of(jvmTemporaryDirectory).toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of("Large messages in flight are buffered in plain text in " + jvmTemporaryDirectory
            + ", outside the data directory: start the JVM with -Djava.io.tmpdir=" + directory + " (./run.sh does)");
    }

    private static int empty(Path directory) throws IOException {
        List<Path> contents;
        try (Stream<Path> walk = Files.walk(directory)) {
            contents = walk.filter(path -> !path.equals(directory))
                .sorted(Comparator.reverseOrder())
                .collect(Collectors.toList());
        }
        int files = (int) contents.stream().filter(Files::isRegularFile).count();
        for (Path path : contents) {
            Files.delete(path);
        }
        return files;
    }
}
