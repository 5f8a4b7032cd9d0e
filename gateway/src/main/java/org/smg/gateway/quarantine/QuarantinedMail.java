package org.smg.gateway.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.smg.gateway.attachments.Refusal;

/**
 * A quarantine record's metadata: everything but the message itself, which is read only on request
 * ({@link QuarantineStore#content}).
 *
 * @param sender      the envelope sender, empty for the null reverse path
 * @param authUser    the account that submitted it over authenticated SMTP, if any (restored on release)
 * @param stage       {@link QuarantineStore#STAGE_SMTP} or {@link QuarantineStore#STAGE_PIPELINE}
 * @param size        bytes of the stored message
 * @param decidedAt   when it was released or deleted
 * @param decidedBy   the administrator who released or deleted it
 */
public record QuarantinedMail(String id, Instant quarantinedAt, String mailName, String sender, List<String> recipients,
                              Optional<String> remoteAddress, Optional<String> remoteHost, Optional<String> authUser,
                              String stage, List<Refusal> refusals, long size, QuarantineState state,
                              Optional<Instant> decidedAt, Optional<String> decidedBy) {
    public QuarantinedMail {
        recipients = List.copyOf(recipients);
        refusals = List.copyOf(refusals);
    }
}
