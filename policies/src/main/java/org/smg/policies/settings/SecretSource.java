package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.DATA_DIR;
import static org.smg.policies.settings.SettingCatalog.SECRET_FILE;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where the storage boot secret comes from (an environment variable, else a file); never the secret itself. */
public final class SecretSource {

    static final String DEFAULT_VARIABLE = "SMG_STORAGE_SECRET";
    static final String EXPECTED_VARIABLE = "an environment variable name such as " + DEFAULT_VARIABLE
            + " (upper-case letters, digits and '_', not starting with a digit)";

    private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private final String environmentVariable;
    private final Path file;

    private SecretSource(String environmentVariable, Path file) {
        this.environmentVariable = environmentVariable;
        this.file = file;
    }

    /** Tells whether the text can name an environment variable. */
    static boolean isVariable(String text) {
        return VARIABLE.matcher(text).matches();
    }

    /**
     * Checks the source; the file defaults to secrets/storage.secret beside the data directory.
     *
     * @param configuredFile the file as configured, or null for the default
     * @param configurationDirectory the directory of gateway.properties, or null when there is none
     */
    static SecretSource create(String variable, Path configuredFile, Path baseDirectory, Path dataDirectory,
            Path configurationDirectory, Problems problems) {
        Path file = configuredFile != null
                ? PathRules.resolve(baseDirectory, configuredFile)
                : dataDirectory.resolve("..").resolve("secrets").resolve("storage.secret").normalize();
        // Configuration is copied, shared and backed up freely; the key to storage must not travel with it.
        if (configurationDirectory != null && PathRules.isInside(file, configurationDirectory)) {
            String message = "must be outside the configuration directory '" + configurationDirectory.toAbsolutePath()
                    .normalize() + "', got '" + file + "'";
            if (configuredFile != null && problems.usable(SECRET_FILE.key())) {
                problems.add(SECRET_FILE.key(), message);
            } else if (configuredFile == null && problems.usable(DATA_DIR.key())) {
                problems.addOnLineOf(DATA_DIR.key(), SECRET_FILE.key(), message
                        + " (the default, secrets/ beside " + DATA_DIR + "; set " + SECRET_FILE + " elsewhere)");
            }
        }
        return new SecretSource(variable, file);
    }

    /** Name of the environment variable that may hold the secret (storage.secret.env). */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Normalized absolute path of the file that may hold the secret (storage.secret.file). */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "SecretSource[environmentVariable=" + environmentVariable + ", file=" + file + "]";
    }
}
