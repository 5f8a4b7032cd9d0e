package org.smg.gateway.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's notification state: when the last notification went out, and when a follow-up is
 * due for mail that arrived after it (empty when none is waiting).
 */
record NotificationState(String address, Instant lastSent, Optional<Instant> followUp) {
    NotificationState {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lastSent, "lastSent");
        Objects.requireNonNull(followUp, "followUp");
    }
}
