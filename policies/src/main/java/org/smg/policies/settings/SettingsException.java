package org.smg.policies.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the gateway settings are unusable; carries every problem found, not just the first. */
public final class SettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<SettingsError> errors;

    /** @param errors at least one problem */
    public SettingsException(List<SettingsError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SettingsException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in file order. */
    public List<SettingsError> errors() {
        return errors;
    }

    /** One line per error, joined with "\n". */
    @Override
    public String getMessage() {
        return errors.stream().map(SettingsError::toString).collect(Collectors.joining("\n"));
    }
}
