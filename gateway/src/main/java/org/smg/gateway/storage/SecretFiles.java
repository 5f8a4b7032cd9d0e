package org.smg.gateway.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** Reads secret files, and creates missing ones with fresh random content and mode 0600. */
public final class SecretFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /** Returns the secret stored in {@code file}, generating 32 random bytes there first if the file is absent. */
    public static Secret readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file, randomToken(32));
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create secret file " + file, e);
        }
    }

    public static Secret read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IOException("secret file " + file + " is empty");
        }
        return Secret.of(value);
    }

    /** URL-safe random token of {@code bytes} random bytes. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void create(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (Files.notExists(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        }
        try {
            // Created with 0600 from the start: never readable by others, not even for an instant.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
