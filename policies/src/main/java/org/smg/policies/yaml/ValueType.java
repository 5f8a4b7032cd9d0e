package org.smg.policies.yaml;

/**
 * How one scalar field of a policy file is read: what is allowed and how its text becomes a value.
 *
 * @param <T> the value's type in the model
 */
public interface ValueType<T> {

    /** What is allowed, completing "expected …", e.g. "a duration such as 30d, 12h or 90m". */
    String expected();

    /**
     * Turns the text as written into the value.
     *
     * @param text the scalar's text, never empty (empty values are reported before parsing)
     * @throws IllegalArgumentException whose message says what was wrong and what is allowed
     */
    T parse(String text);
}
