package org.smg.policies.yaml;

import java.time.Duration;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smg.policies.settings.HostNames;
import org.smg.policies.settings.Messages;
import org.smg.policies.settings.SizeParser;

/** The scalar types policy files use: text, whole numbers, durations, email addresses and names matching a pattern. */
public final class ValueTypes {

    static final String EXPECTED_DURATION = "a duration such as 30d, 12h, 15m or 90s";
    static final String EXPECTED_EMAIL = "an email address such as eco@staff.example";

    // A unit is mandatory ("30" could be seconds or days); 'm' is minutes, as in gateway.properties. Nine digits fit an int.
    static final String EXPECTED_RETENTION = "a retention such as 7y or 400d (years or days)";
    private static final Pattern RETENTION = Pattern.compile("([0-9]{1,5})([dy])");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd])");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    // RFC 5322 dot-atom: no quoted local parts, no comments, no IP literals; staff addresses never need them.
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final int MAX_SHOWN = 60;

    private ValueTypes() {
    }

    /** One line of text, at most {@code maxLength} characters: names, subjects, versions. */
    public static ValueType<String> line(int maxLength) {
        String expected = "one line of text of at most " + maxLength + " characters";
        return of(expected, text -> {
            if (text.contains("\n") || text.contains("\r")) {
                throw new IllegalArgumentException(expectedButGot(expected, text));
            }
            return checkLength(text, maxLength, expected);
        });
    }

    /** Text that may span lines (a YAML block scalar), at most {@code maxLength} characters: message bodies. */
    public static ValueType<String> text(int maxLength) {
        String expected = "text of at most " + maxLength + " characters";
        return of(expected, text -> checkLength(text, maxLength, expected));
    }

    /** A whole number from min to max. */
    public static ValueType<Integer> wholeNumber(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        return of(expected, text -> {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException(expectedButGot(expected, text));
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(expectedButGot(expected, text));
            }
            return value;
        });
    }

    /** A size in bytes written as in gateway.properties (512K, 100M, 1G: powers of 1024), from min to max. */
    public static ValueType<Long> size(long min, long max) {
        String range = SizeParser.range(min, max);
        return of(SizeParser.EXPECTED + " (from " + SizeParser.format(min) + " to " + SizeParser.format(max) + ")",
                text -> {
                    long value = SizeParser.parse(text);
                    if (value < min || value > max) {
                        throw new IllegalArgumentException(expectedButGot(range, text));
                    }
                    return value;
                });
    }

    /** {@code true} or {@code false}, exactly: "yes", "on" or "1" are errors, not guesses. */
    public static ValueType<Boolean> trueOrFalse() {
        String expected = "true or false";
        return of(expected, text -> {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(expectedButGot(expected, text));
            }
            return Boolean.parseBoolean(text);
        });
    }

    /** A duration written as a whole number and a unit (s, m, h, d), from min to max. */
    public static ValueType<Duration> duration(Duration min, Duration max) {
        String range = "a duration from " + format(min) + " to " + format(max);
        return of(EXPECTED_DURATION + " (from " + format(min) + " to " + format(max) + ")", text -> {
            Matcher matcher = DURATION.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(expectedButGot(EXPECTED_DURATION, text));
            }
            Duration value = toDuration(Long.parseLong(matcher.group(1)), matcher.group(2));
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(expectedButGot(range, text));
            }
            return value;
        });
    }

    /** A records retention period written as a whole number of days or years (7y, 400d), from min to max. */
    public static ValueType<Period> retention(Period min, Period max) {
        String range = "a retention from " + format(min) + " to " + format(max);
        return of(EXPECTED_RETENTION + " (from " + format(min) + " to " + format(max) + ")", text -> {
            Matcher matcher = RETENTION.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(expectedButGot(EXPECTED_RETENTION, text));
            }
            int amount = Integer.parseInt(matcher.group(1));
            Period value = "y".equals(matcher.group(2)) ? Period.ofYears(amount) : Period.ofDays(amount);
            if (approximateDays(value) < approximateDays(min) || approximateDays(value) > approximateDays(max)) {
                throw new IllegalArgumentException(expectedButGot(range, text));
            }
            return value;
        });
    }

    /** Writes a retention as policy files do: 7y or 400d. */
    public static String format(Period period) {
        return period.getYears() > 0 ? period.getYears() + "y" : period.getDays() + "d";
    }

    private static long approximateDays(Period period) {
        return period.getYears() * 366L + period.getDays();
    }

    /** An email address: a dot-atom local part of at most 64 characters, '@' and a domain name with a dot. */
    public static ValueType<String> emailAddress() {
        return of(EXPECTED_EMAIL, text -> {
            if (!isEmailAddress(text)) {
                throw new IllegalArgumentException(expectedButGot(EXPECTED_EMAIL, text));
            }
            return text;
        });
    }

    /** Text matching the whole pattern, e.g. a program id; {@code expected} describes the pattern in words. */
    public static ValueType<String> matching(Pattern pattern, String expected) {
        return of(expected, text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(expectedButGot(expected, text));
            }
            return text;
        });
    }

    /** Writes a duration in its largest whole unit: 30d, 12h, 15m or 90s. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** "expected …, got '…'" with the value shortened and its line breaks made visible. */
    public static String expectedButGot(String expected, String text) {
        return Messages.expected(expected, shown(text));
    }

    /** The value as an error shows it: line breaks as \n, at most 60 characters. */
    static String shown(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
    }

    static boolean isEmailAddress(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || text.length() > 254) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        return local.length() <= 64 && LOCAL_PART.matcher(local).matches()
                && domain.contains(".") && HostNames.isValid(domain);
    }

    private static String checkLength(String text, int maxLength, String expected) {
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("expected " + expected + ", got " + text.length() + " characters");
        }
        return text;
    }

    private static Duration toDuration(long amount, String unit) {
        switch (unit) {
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }

    private static <T> ValueType<T> of(String expected, java.util.function.Function<String, T> parser) {
        return new ValueType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public T parse(String text) {
                return parser.apply(text);
            }
        };
    }
}
