package org.smg.policies.settings;

/** Parses switches: exactly {@code true} or {@code false}, so "yes", "on" or "TRUE" never pass as a guess. */
final class Booleans {

    static final String EXPECTED = "true or false";

    private Booleans() {
    }

    /** Parses {@code true} or {@code false}; throws IllegalArgumentException for anything else. */
    static boolean parse(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        };
    }
}
