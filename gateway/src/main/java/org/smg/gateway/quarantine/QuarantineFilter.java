package org.smg.gateway.quarantine;

import java.time.Instant;
import java.util.Optional;

import org.smg.gateway.attachments.RefusalReason;

/** Which records a listing returns: quarantined in [from, to), in a state, with a refusal of a reason; each optional. */
public record QuarantineFilter(Optional<QuarantineState> state, Optional<RefusalReason> reason, Optional<Instant> from,
                               Optional<Instant> to) {
    public static final QuarantineFilter ALL = new QuarantineFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
