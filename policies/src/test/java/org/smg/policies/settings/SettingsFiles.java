package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes throw-away settings files and collects the errors loading them produces. */
final class SettingsFiles {

    private SettingsFiles() {
    }

    /** Writes the lines to base/conf/gateway.properties and returns that path. */
    static Path write(Path base, String... lines) {
        try {
            Path file = base.resolve("conf").resolve("gateway.properties");
            Files.createDirectories(file.getParent());
            return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the file, which must fail, and returns each error as the administrator would read it. */
    static List<String> errors(Path file, Path base) {
        SettingsException failure = catchThrowableOfType(
                () -> GatewaySettingsLoader.load(file, base), SettingsException.class);
        if (failure == null) {
            throw new AssertionError("expected " + file + " to be rejected");
        }
        return failure.errors().stream().map(SettingsError::toString).toList();
    }

    /** Creates a small file under the directory, for settings that name files which must exist. */
    static Path touch(Path directory, String name) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, "placeholder\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
