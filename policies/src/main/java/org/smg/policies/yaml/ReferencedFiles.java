package org.smg.policies.yaml;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a text file that a policy file names by a path relative to the policy directory (a terms file, later a
 * notification template). The path may not leave the directory, so a policy file cannot make the gateway serve
 * an arbitrary file of the host.
 */
public final class ReferencedFiles {

    /** What a path field allows. */
    public static final String EXPECTED_PATH = "a relative path inside the policy directory such as"
            + " terms/terms-v1.md (letters, digits, '.', '_', '-' and '/'; no '..')";

    // No backslash, no drive letter, no leading '/', no "." or ".." segment: the same path on every system.
    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private ReferencedFiles() {
    }

    /** The path field's type: a relative path, checked for syntax only. */
    public static ValueType<String> relativePath() {
        return ValueTypes.matching(RELATIVE_PATH, EXPECTED_PATH);
    }

    /**
     * Reads the file as UTF-8 text.
     *
     * @param directory the policy directory
     * @param relativePath a path that passed {@link #relativePath()}
     * @param maxBytes the largest size accepted
     * @throws IllegalArgumentException whose message says why the file is unusable
     */
    public static String readText(Path directory, String relativePath, int maxBytes) {
        Path file;
        try {
            file = directory.resolve(relativePath).normalize();
        } catch (InvalidPathException invalid) {
            throw new IllegalArgumentException(ValueTypes.expectedButGot(EXPECTED_PATH, relativePath));
        }
        if (!file.startsWith(directory.normalize())) {
            throw new IllegalArgumentException(ValueTypes.expectedButGot(EXPECTED_PATH, relativePath));
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(Files.exists(file)
                        ? "'" + relativePath + "' is not a regular file; expected a UTF-8 text file"
                        : "file '" + relativePath + "' not found in the policy directory");
            }
            // A symbolic link could point anywhere on the host; only files really inside the directory are served.
            if (!file.toRealPath().startsWith(directory.toRealPath())) {
                throw new IllegalArgumentException("'" + relativePath + "' leads outside the policy directory"
                        + " (a symbolic link); expected a file inside it");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new IllegalArgumentException("file '" + relativePath + "' is empty; expected a UTF-8 text file");
            }
            if (size > maxBytes) {
                throw new IllegalArgumentException("file '" + relativePath + "' is too large (" + size
                        + " bytes); expected at most " + maxBytes + " bytes");
            }
            return decode(Files.readAllBytes(file), relativePath);
        } catch (NoSuchFileException vanished) {
            throw new IllegalArgumentException("file '" + relativePath + "' not found in the policy directory");
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("file '" + relativePath + "' cannot be read ("
                    + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private static String decode(byte[] bytes, String relativePath) {
        try {
            return StrictUtf8.decode(bytes);
        } catch (CharacterCodingException notText) {
            throw new IllegalArgumentException("file '" + relativePath + "' is not valid UTF-8 text");
        }
    }
}
