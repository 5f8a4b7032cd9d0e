package org.smg.policies.model;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.smg.policies.settings.SettingsError;
import org.smg.policies.settings.SettingsException;

/** Writes throw-away policy directories and collects the errors loading them produces. */
final class PolicyDirectories {

    /** One valid program; line numbers matter to the tests, which edit it line for line. */
    static final String ONE_PROGRAM = String.join("\n",
            "programs:",                                  // 1
            "  - id: ECO",                                // 2
            "    name: Energy Credits Online",            // 3
            "    staffAddress: eco@staff.example",        // 4
            "    invitationLifetime: 30d",                // 5
            "    terms:",                                 // 6
            "      version: \"1\"",                       // 7
            "      file: terms/terms-v1.md",              // 8
            "    welcome:",                               // 9
            "      subject: Welcome to ECO",              // 10
            "      body: |",                              // 11
            "        Reply to this message to start.",    // 12
            "");

    static final String TERMS = "# Terms of Service\n\nBe kind.\n";

    private PolicyDirectories() {
    }

    /** Writes programs.yaml with the given text and a valid terms/terms-v1.md; returns the directory. */
    static Path withPrograms(Path directory, String programsYaml) {
        try {
            Files.createDirectories(directory.resolve("terms"));
            Files.writeString(directory.resolve("terms").resolve("terms-v1.md"), TERMS, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("programs.yaml"), programsYaml, StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #ONE_PROGRAM} with one exact piece of text replaced, which must be found. */
    static String oneProgramWith(String find, String replacement) {
        if (!ONE_PROGRAM.contains(find)) {
            throw new IllegalArgumentException("not in the template: " + find);
        }
        return ONE_PROGRAM.replace(find, replacement);
    }

    /** Loads the directory, which must fail; each error as printed, with the directory prefix removed. */
    static List<String> errors(Path directory) {
        SettingsException failure = catchThrowableOfType(() -> PolicyLoader.load(directory), SettingsException.class);
        if (failure == null) {
            throw new AssertionError("expected " + directory + " to be rejected");
        }
        String prefix = directory + directory.getFileSystem().getSeparator();
        return failure.errors().stream().map(SettingsError::toString).map(line -> line.replace(prefix, "")).toList();
    }

    /** Writes one more policy file next to programs.yaml; returns the directory. */
    static Path withFile(Path directory, String name, String text) {
        try {
            Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the directory with a loader that knows the gateway's domain gateway.example. */
    static Policies loadForGateway(Path directory) throws SettingsException {
        return PolicyLoader.forGateway(List.of("gateway.example")).read(directory);
    }

    /** Like {@link #errors(Path)}, loading with {@link #loadForGateway(Path)}. */
    static List<String> gatewayErrors(Path directory) {
        SettingsException failure = catchThrowableOfType(() -> loadForGateway(directory), SettingsException.class);
        if (failure == null) {
            throw new AssertionError("expected " + directory + " to be rejected");
        }
        String prefix = directory + directory.getFileSystem().getSeparator();
        return failure.errors().stream().map(SettingsError::toString).map(line -> line.replace(prefix, "")).toList();
    }
}
