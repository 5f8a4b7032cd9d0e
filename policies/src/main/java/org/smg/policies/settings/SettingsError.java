package org.smg.policies.settings;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in the gateway settings or a policy file, located by file, line and key
 * (for a policy file, the key is a field path such as {@code programs[2].staffAddress}).
 */
public final class SettingsError implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String message;

    /**
     * @param file the settings file as given to the loader, or "" when the settings did not come from a file
     * @param line the 1-based line number, or 0 when the error is not tied to a line
     * @param key the settings key, or "" when the error concerns the file as a whole
     * @param message what is wrong and what is allowed instead
     */
    public SettingsError(String file, int line, String key, String message) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.key = Objects.requireNonNull(key, "key");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The settings file as given to the loader, or "" when the settings did not come from a file. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the error is not tied to a line. */
    public int line() {
        return line;
    }

    /** The settings key, or "" when the error concerns the file as a whole. */
    public String key() {
        return key;
    }

    /** What is wrong and what is allowed instead. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SettingsError)) {
            return false;
        }
        SettingsError that = (SettingsError) other;
        return line == that.line && file.equals(that.file) && key.equals(that.key) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, key, message);
    }

    /** E.g. "conf/gateway.properties:12: smtp.relay.port: expected a port number 1-65535, got 'abc'". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!file.isEmpty()) {
            text.append(file).append(line > 0 ? ":" + line : "").append(": ");
        } else if (line > 0) {
            text.append("line ").append(line).append(": ");
        }
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }
}
