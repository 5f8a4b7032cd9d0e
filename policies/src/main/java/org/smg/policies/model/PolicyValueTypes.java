package org.smg.policies.model;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.smg.policies.settings.HostNames;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;

/** Value types shared by routing.yaml and notifications.yaml, beyond the generic ones of {@link ValueTypes}. */
final class PolicyValueTypes {

    static final String EXPECTED_NAME = "lower-case letters, digits and '-' (not first or last), 1 to 32"
            + " characters, such as eco-credits";
    static final String EXPECTED_DOMAIN = "a domain name such as staff.example (dot-separated labels of letters,"
            + " digits and '-')";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    // C0 and C1 controls, DEL and the Unicode line and paragraph separators: none belongs in a header or one line.
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");

    private PolicyValueTypes() {
    }

    /** A topic or route id: short, lower-case, usable as the local part of an address. */
    static ValueType<String> name(String what) {
        return ValueTypes.matching(NAME, what + " of " + EXPECTED_NAME);
    }

    /**
     * One line of at most {@code maxLength} characters without any control character, and without the characters
     * of {@code forbidden}; for text that ends up in a header or a page.
     */
    static ValueType<String> plainLine(int maxLength, String forbidden) {
        String expected = "one line of at most " + maxLength + " characters, without control characters"
                + (forbidden.isEmpty() ? "" : " or any of " + forbidden);
        return new ValueType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public String parse(String text) {
                boolean forbiddenCharacter = text.chars().anyMatch(c -> forbidden.indexOf(c) >= 0);
                if (CONTROL.matcher(text).find() || forbiddenCharacter) {
                    throw new IllegalArgumentException(ValueTypes.expectedButGot(expected, text));
                }
                if (text.length() > maxLength) {
                    throw new IllegalArgumentException("expected " + expected + ", got " + text.length()
                            + " characters");
                }
                return text;
            }
        };
    }

    /** A DNS domain name with at least one dot, returned in lower case. */
    static ValueType<String> domain() {
        return new ValueType<>() {
            @Override
            public String expected() {
                return EXPECTED_DOMAIN;
            }

            @Override
            public String parse(String text) {
                if (!text.contains(".") || !HostNames.isValid(text)) {
                    throw new IllegalArgumentException(ValueTypes.expectedButGot(EXPECTED_DOMAIN, text));
                }
                return text.toLowerCase(Locale.ROOT);
            }
        };
    }

    /** A type that checks the text with {@code syntax}, then converts it (the converter may throw too). */
    static <T> ValueType<T> then(ValueType<String> syntax, Function<String, T> converter) {
        return new ValueType<>() {
            @Override
            public String expected() {
                return syntax.expected();
            }

            @Override
            public T parse(String text) {
                return converter.apply(syntax.parse(text));
            }
        };
    }

    /** True when the control pattern finds a character that no header or single line may hold. */
    static boolean hasControlCharacter(String text) {
        return CONTROL.matcher(text).find();
    }

    /** The domain of an address, lower-case. */
    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
