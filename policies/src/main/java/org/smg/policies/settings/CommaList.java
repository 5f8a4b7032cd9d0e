package org.smg.policies.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits a comma-separated value and parses every entry, reporting all bad entries at once. */
final class CommaList {

    /** Thrown when one or more entries are bad; carries one message per bad entry. */
    static final class BadEntries extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        BadEntries(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    private CommaList() {
    }

    /** Parses every trimmed entry; an empty value or empty entry is an error naming the expected list. */
    static <T> List<T> parse(String text, String expectedEntries, Function<String, T> parser) {
        String expectation = "a comma-separated list of " + expectedEntries;
        if (text.isEmpty()) {
            throw new BadEntries(List.of(Messages.expected(expectation, text)));
        }
        List<T> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                problems.add("empty entry in '" + text + "'; expected " + expectation);
                continue;
            }
            try {
                values.add(parser.apply(trimmed));
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadEntries(problems.stream().distinct().toList());
        }
        return values;
    }
}
