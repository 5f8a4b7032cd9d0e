package org.smg.gateway.secrets;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the directories that hold secrets or encrypted data (secrets, data, database,
 * temporary files, James's working directory) with mode 0700, so that other local users cannot
 * even list them, whatever the process umask.
 */
public final class PrivateDirectories {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {
    }

    /** Creates {@code directory} and its missing parents with mode 0700; an existing directory is left as it is. */
    public static Path create(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            create(parent);
        }
        try {
            // The mode is given at creation, so the directory is never open to others, not even for an instant.
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by another thread or process: keep its mode, if it is a directory
            if (!Files.isDirectory(absolute)) {
                throw new FileAlreadyExistsException(absolute.toString(), null, "not a directory; the gateway needs a directory here");
            }
        }
        return absolute;
    }
}
