package org.smg.policies.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One key of gateway.properties, declared once: its name, its default, how its text is parsed,
 * which values are allowed and how a value is shown back to the administrator. The loader, the
 * builder, the range check and the test of the shipped file all work from these declarations, so a
 * new setting is one declaration in {@link SettingCatalog} and one accessor.
 *
 * <p>The parser checks syntax only; the allowed range is checked once, in the build, for values
 * from the file and values set in code alike.
 *
 * @param <T> the parsed type; null stands for "not configured" where {@link #optional()} is true
 */
final class Setting<T> {

    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Predicate<T> allowed;
    private final String expected;
    private final Function<T, String> format;
    private final boolean optional;

    private Setting(String key, T defaultValue, Function<String, T> parser, Predicate<T> allowed, String expected,
            Function<T, String> format, boolean optional) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.allowed = allowed;
        this.expected = expected;
        this.format = format;
        this.optional = optional;
    }

    /** A setting whose every parsed value is allowed; checks across keys happen elsewhere. */
    static <T> Setting<T> parsed(String key, T defaultValue, Function<String, T> parser, Function<T, String> format) {
        return new Setting<>(key, defaultValue, parser, value -> true, "", format, false);
    }

    /** A setting whose parsed values must pass {@code allowed}, described by {@code expected}. */
    static <T> Setting<T> checked(String key, T defaultValue, Function<String, T> parser, Predicate<T> allowed,
            String expected, Function<T, String> format) {
        return new Setting<>(key, defaultValue, parser, allowed, expected, format, false);
    }

    /** A byte size such as 100M within [min, max]. */
    static Setting<Long> size(String key, long defaultValue, long min, long max) {
        return checked(key, defaultValue, SizeParser::parse, bytes -> bytes >= min && bytes <= max,
                SizeParser.range(min, max), SizeParser::format);
    }

    /** A whole number within [min, max]. */
    static Setting<Integer> number(String key, int defaultValue, int min, int max) {
        String range = WholeNumbers.range(min, max);
        return checked(key, defaultValue, text -> WholeNumbers.parse(text, range),
                number -> number >= min && number <= max, range, number -> Integer.toString(number));
    }

    /** A duration such as 5s within [min, max]. */
    static Setting<Duration> duration(String key, Duration defaultValue, Duration min, Duration max) {
        return checked(key, defaultValue, DurationParser::parse,
                duration -> duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0,
                DurationParser.range(min, max), DurationParser::format);
    }

    /** A TCP port, 1-65535. */
    static Setting<Integer> port(String key, int defaultValue) {
        return checked(key, defaultValue, PortParser::parse, PortParser::isValid, PortParser.EXPECTED,
                port -> Integer.toString(port));
    }

    /** {@code true} or {@code false}, nothing else. */
    static Setting<Boolean> flag(String key, boolean defaultValue) {
        return parsed(key, defaultValue, Setting::parseFlag, flag -> Boolean.toString(flag));
    }

    /** One of the constants of an enum, written as in {@link Choice#text()}; unknown words are errors. */
    static <E extends Enum<E> & Choice> Setting<E> choice(String key, E defaultValue) {
        E[] constants = defaultValue.getDeclaringClass().getEnumConstants();
        String expected = "one of " + Arrays.stream(constants).map(Choice::text).collect(Collectors.joining(", "));
        return parsed(key, defaultValue, text -> Arrays.stream(constants)
                .filter(constant -> constant.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Messages.expected(expected, text))), Choice::text);
    }

    /** A value that may be left empty, meaning "not configured". */
    static <T> Setting<T> optional(String key, Function<String, T> parser, Function<T, String> format) {
        return new Setting<>(key, null, parser, value -> true, "", format, true);
    }

    /** A path that may be left empty, meaning "not configured". */
    static Setting<Path> optionalPath(String key) {
        return new Setting<>(key, null, PathRules::parse, path -> true, "", Path::toString, true);
    }

    /** An enum a {@link #choice} setting can take: each constant says how it is written in the file. */
    interface Choice {
        String text();
    }

    String key() {
        return key;
    }

    T defaultValue() {
        return defaultValue;
    }

    /** True when an empty value means "not configured" rather than a mistake. */
    boolean optional() {
        return optional;
    }

    /** Parses the text as written in the file; throws IllegalArgumentException saying what is expected. */
    T parse(String text) {
        if (optional && text.isEmpty()) {
            return null;
        }
        return parser.apply(text);
    }

    /** Records an error when the value is outside what this setting allows. */
    void check(Object value, Problems problems) {
        if (value == null) {
            return;
        }
        T typed = cast(value);
        problems.expect(allowed.test(typed), key, expected, format.apply(typed));
    }

    /** The value as it would be written in gateway.properties. */
    String format(T value) {
        return value == null ? "" : format.apply(value);
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        return (T) value;
    }

    private static boolean parseFlag(String text) {
        switch (text) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(Messages.expected("true or false", text));
        }
    }

    @Override
    public String toString() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting<?> setting && setting.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
