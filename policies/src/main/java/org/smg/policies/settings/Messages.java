package org.smg.policies.settings;

/** Builds the uniform "expected …, got '…'" wording of every settings error. */
public final class Messages {

    private Messages() {
    }

    /** Says what was wrong with {@code raw} and what is allowed instead. */
    public static String expected(String expectation, String raw) {
        if (raw.isEmpty()) {
            return "empty value; expected " + expectation;
        }
        return "expected " + expectation + ", got '" + raw + "'";
    }
}
