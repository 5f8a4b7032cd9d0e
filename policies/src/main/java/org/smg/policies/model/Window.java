package org.smg.policies.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One concrete maintenance period: citizen logins are refused from {@code start} (inclusive) to {@code end}
 * (exclusive). The end is what refusals tell the citizen.
 */
public record Window(Instant start, Instant end) {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    /** True when the instant is inside the window. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
