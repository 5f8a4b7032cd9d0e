package org.smg.policies.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as a whole number with a unit: 500ms, 5s, 2m or 12h. */
final class DurationParser {

    static final String EXPECTED = "a duration such as 500ms, 5s, 2m or 12h";

    // A unit is mandatory: a bare "5" could mean seconds or milliseconds, and guessing is worse than refusing.
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,18})(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private DurationParser() {
    }

    /** Parses a duration; throws IllegalArgumentException naming the value and the allowed syntax. */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        long amount = Long.parseLong(matcher.group(1));
        try {
            switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofMinutes(amount);
            }
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text), tooLarge);
        }
    }

    /** Describes an allowed range, e.g. "a duration from 0s to 60s". */
    static String range(Duration min, Duration max) {
        return "a duration from " + format(min) + " to " + format(max);
    }

    /** Writes a duration in whole seconds when possible, else in milliseconds. */
    static String format(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
