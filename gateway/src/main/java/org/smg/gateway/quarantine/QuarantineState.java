package org.smg.gateway.quarantine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a quarantined mail stands. Only {@code held} keeps the message; a released or deleted
 * record keeps its metadata (who decided, when) as the record of the decision.
 */
public enum QuarantineState {
    /** Refused and kept, waiting for an administrator. */
    HELD,
    /** Re-checked clean and put back into the mail pipeline; the message is no longer kept here. */
    RELEASED,
    /** Deleted by an administrator; the message is gone, the metadata stays. */
    DELETED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuarantineState> fromWord(String word) {
        return Arrays.stream(values()).filter(state -> state.word().equals(word)).findFirst();
    }
}
