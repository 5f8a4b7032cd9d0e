package org.smg.gateway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The coalescing rule, without storage or clock: at most one notification per citizen per
 * interval; mail that arrives within the interval after a notification is announced once more at
 * the interval's end (if it is still unread then, which the caller checks when the time comes).
 */
final class Coalescing {
    private Coalescing() {
    }

    /** What to do when mail reaches a citizen's inbox. */
    sealed interface Decision {
    }

    /** No notification in the last interval: send one now. */
    record SendNow() implements Decision {
    }

    /** A notification went out less than an interval ago: announce this mail at {@code due}, if still unread. */
    record FollowUpAt(Instant due) implements Decision {
    }

    /**
     * @param last the citizen's notification state, empty when none was ever sent
     * @param now the time of the delivery
     * @param interval the policy's coalescing interval
     */
    static Decision onDelivery(Optional<NotificationState> last, Instant now, Duration interval) {
        if (last.isEmpty()) {
            return new SendNow();
        }
        Instant intervalEnd = last.get().lastSent().plus(interval);
        // A clock set back must not postpone notifications by more than one interval.
        if (!now.isBefore(intervalEnd) || now.isBefore(last.get().lastSent())) {
            return new SendNow();
        }
        return new FollowUpAt(last.get().followUp().filter(due -> due.isBefore(intervalEnd)).orElse(intervalEnd));
    }
}
