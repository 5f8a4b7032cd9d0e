package org.smg.gateway.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads secret files, and creates missing ones with fresh random content and mode 0600.
 *
 * <p>Every read first checks the file's mode: a secret file with any group or other permission
 * bit is refused with {@link UnprotectedSecretFileException}, never silently used or repaired,
 * so the operator learns that the secret may have leaked.
 */
public final class SecretFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /** Returns the secret stored in {@code file}, generating 32 random bytes there first if the file is absent. */
    public static Secret readOrCreate(Path file) throws IOException {
        if (Files.notExists(file)) {
            create(file, randomToken(32));
        }
        return read(file);
    }

    /** The secret in {@code file}, surrounding whitespace removed; refused when the file is not private to its owner. */
    public static Secret read(Path file) throws IOException {
        requireOwnerOnly(file);
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IOException("secret file " + file + " is empty");
        }
        return Secret.of(value);
    }

    /**
     * Refuses {@code file} (followed through symbolic links: the target holds the secret) when
     * its group or other users have any permission on it.
     */
    public static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("secret file " + file + " is not a regular file");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new UnprotectedSecretFileException(file, octal(permissions));
        }
    }

    /** URL-safe random token of {@code bytes} random bytes. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void create(Path file, String content) throws IOException {
        PrivateDirectories.create(file.toAbsolutePath().getParent());
        try {
            // Created with 0600 from the start: never readable by others, not even for an instant.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // PosixFilePermission is declared owner rwx, group rwx, others rwx: ordinal 0 is the highest bit.
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
