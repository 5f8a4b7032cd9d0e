package org.smg.gateway.scanner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the clamd program: on the PATH, else where Debian's clamav-daemon puts it (/usr/sbin is often not on a user's PATH). */
final class ClamdExecutable {

    static final String NOT_FOUND = "clamd not found; install clamav-daemon or set scanner.clamd";

    private ClamdExecutable() {
    }

    static Optional<Path> find(String path) {
        return find("clamd", path, List.of(Path.of("/usr/sbin/clamd")));
    }

    /** setpriv (util-linux), which lets clamd die with the gateway even when the gateway is killed. */
    static Optional<Path> setpriv(String path) {
        return find("setpriv", path, List.of(Path.of("/usr/bin/setpriv")));
    }

    static Optional<Path> find(String program, String path, List<Path> fallbacks) {
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    candidates.add(Path.of(directory, program));
                }
            }
        }
        candidates.addAll(fallbacks);
        return candidates.stream().filter(file -> Files.isRegularFile(file) && Files.isExecutable(file)).findFirst();
    }
}
