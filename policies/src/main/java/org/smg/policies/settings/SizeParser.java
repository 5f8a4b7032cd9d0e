package org.smg.policies.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes such as 512K, 100M or 1G (binary multiples, case-insensitive suffix). */
public final class SizeParser {

    public static final String EXPECTED = "a size such as 512K, 100M or 1G";

    // 19 digits is the most a long can hold; longer input is reported as malformed, not as an exception.
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([KMG]?)", Pattern.CASE_INSENSITIVE);

    private SizeParser() {
    }

    /** Parses a size in bytes; throws IllegalArgumentException naming the value and the allowed syntax. */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier(matcher.group(2)));
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text), tooLarge);
        }
    }

    /** Describes an allowed range, e.g. "a size from 1K to 2G". */
    public static String range(long min, long max) {
        return "a size from " + format(min) + " to " + format(max);
    }

    /** Writes bytes with the largest suffix that keeps the number whole, e.g. 8192 as "8K". */
    public static String format(long bytes) {
        String[] suffixes = {"G", "M", "K"};
        long[] multipliers = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < suffixes.length; i++) {
            if (bytes != 0 && bytes % multipliers[i] == 0) {
                return bytes / multipliers[i] + suffixes[i];
            }
        }
        return Long.toString(bytes);
    }

    private static long multiplier(String suffix) {
        switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K":
                return 1L << 10;
            case "M":
                return 1L << 20;
            case "G":
                return 1L << 30;
            default:
                return 1L;
        }
    }
}
