package org.smg.policies.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Parses, resolves and compares the file system paths named in the settings. */
final class PathRules {

    static final String EXPECTED = "a file system path";

    private PathRules() {
    }

    /** Parses a path as written; throws IllegalArgumentException naming the value. */
    static Path parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException invalid) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text), invalid);
        }
    }

    /** Resolves a possibly relative path against the base directory, giving a normalized absolute path. */
    static Path resolve(Path base, Path path) {
        return base.toAbsolutePath().resolve(path).normalize();
    }

    /** Tells whether path lies in directory, also when a symbolic link leads there. */
    static boolean isInside(Path path, Path directory) {
        Path absolute = path.toAbsolutePath().normalize();
        Path absoluteDirectory = directory.toAbsolutePath().normalize();
        if (absolute.startsWith(absoluteDirectory)) {
            return true;
        }
        try {
            return Files.exists(absoluteDirectory) && realPath(absolute).startsWith(absoluteDirectory.toRealPath());
        } catch (IOException unresolvable) {
            return false;
        }
    }

    // The file itself may not exist yet, so resolve links through its deepest existing ancestor.
    private static Path realPath(Path absolute) throws IOException {
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }
}
