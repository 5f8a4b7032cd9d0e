package org.smg.policies.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects settings errors during one build, placing each on the line its key came from. */
final class Problems {

    /** Where a key's value was written: its line and its text as typed. */
    record Origin(int line, String raw) {
    }

    private final String file;
    private final Map<String, Origin> origins;
    private final Set<String> unparsedKeys;
    private final List<SettingsError> errors;

    Problems(String file, Map<String, Origin> origins, Set<String> unparsedKeys, List<SettingsError> earlier) {
        this.file = file;
        this.origins = origins;
        this.unparsedKeys = unparsedKeys;
        this.errors = new ArrayList<>(earlier);
    }

    /** Records an error for the key, on the line that set it (0 when it kept its default). */
    void add(String key, String message) {
        addOnLineOf(key, key, message);
    }

    /** Records an error for the key on the line of another key, for values derived from that other key. */
    void addOnLineOf(String lineKey, String key, String message) {
        Origin origin = origins.get(lineKey);
        errors.add(new SettingsError(file, origin == null ? 0 : origin.line(), key, message));
    }

    /** Records "expected …, got '…'" for a typed value that broke its rule. */
    void expect(boolean valid, String key, String expectation, String typedText) {
        if (!valid && usable(key)) {
            add(key, Messages.expected(expectation, shown(key, typedText)));
        }
    }

    /** False when the loader could not parse the key's value; checks on it would only repeat that error. */
    boolean usable(String key) {
        return !unparsedKeys.contains(key);
    }

    /** True when the key's value could not be parsed or broke a rule: checks derived from it would mislead. */
    boolean has(String key) {
        return !usable(key) || errors.stream().anyMatch(error -> error.key().equals(key));
    }

    /** True when the key was written in the settings file rather than left at its default. */
    boolean fromFile(String key) {
        return origins.containsKey(key);
    }

    /** The value as the administrator wrote it, or the given text for values set in code. */
    String shown(String key, String typedText) {
        Origin origin = origins.get(key);
        return origin == null ? typedText : origin.raw();
    }

    /** Throws every collected error in file order; errors without a line come last, in the order keys are declared. */
    void throwIfAny() throws SettingsException {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.<SettingsError>comparingInt(error -> error.line() == 0 ? Integer.MAX_VALUE : error.line())
                    .thenComparingInt(error -> SettingCatalog.order(error.key())));
            throw new SettingsException(errors);
        }
    }
}
