package org.smg.policies.settings;

import java.util.regex.Pattern;

/** Parses bounded whole numbers such as connection counts. */
final class WholeNumbers {

    // Nine digits always fit in an int, so parsing can never overflow before the range check.
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private WholeNumbers() {
    }

    /** Parses a whole number; throws IllegalArgumentException naming the value and the expectation. */
    static int parse(String text, String expectation) {
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException(Messages.expected(expectation, text));
        }
        return Integer.parseInt(text);
    }

    /** Describes an allowed range, e.g. "a whole number from 1 to 100". */
    static String range(int min, int max) {
        return "a whole number from " + min + " to " + max;
    }
}
