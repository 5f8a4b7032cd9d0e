package org.smg.policies.settings;

import java.util.regex.Pattern;

/** Parses and checks TCP port numbers (1-65535; 0 is refused because the gateway must know its ports). */
final class PortParser {

    static final String EXPECTED = "a port number 1-65535";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    private PortParser() {
    }

    /** Parses a port; throws IllegalArgumentException naming the value and the allowed range. */
    static int parse(String text) {
        if (!DIGITS.matcher(text).matches() || !isValid(Integer.parseInt(text))) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        return Integer.parseInt(text);
    }

    /** Tells whether the number is a usable port. */
    static boolean isValid(int port) {
        return port >= 1 && port <= 65535;
    }
}
