package org.smg.policies.settings;

/** Builds the uniform "expected …, got '…'" wording of every settings error. */
final class Messages {

    private Messages() {
    }

    /** Says what was wrong with {@code raw} and what is allowed instead. */
    static String expected(String expectation, String raw) {
        if (raw.isEmpty()) {
            return "empty value; expected " + expectation;
        }
        return "expected " + expectation + ", got '" + raw + "'";
    }
}
