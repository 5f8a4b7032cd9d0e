package org.smg.gateway.consent;

import java.time.Instant;
import java.util.Optional;

/**
 * A representative's consent to act for a citizen, as recorded by an administrator: valid from {@code start}
 * (inclusive) to {@code end} (exclusive) unless revoked before.
 */
public record Consent(long id, String form, String representative, String citizen, ConsentScope scope, Instant start,
                      Instant end, Instant created, String createdBy, Optional<Instant> revoked, Optional<String> revokedBy) {

    /** Whether the consent itself allows access at that instant (the accounts' states are checked apart). */
    public boolean inForceAt(Instant now) {
        return revoked.isEmpty() && !now.isBefore(start) && now.isBefore(end);
    }
}
