package org.smg.gateway.records;

import java.time.Instant;
import java.util.Objects;

/**
 * The metadata of one kept message (its bytes stay in the database until asked for).
 *
 * @param id random, URL-safe
 * @param account the citizen's secure inbox address the record belongs to
 * @param program the program whose retention applies; empty when none could be told
 * @param direction in (staff to citizen) or out (citizen to staff)
 * @param date when the message was delivered or relayed
 * @param size the message's size in bytes, as delivered
 * @param messageId the Message-ID header, empty when the message had none
 * @param sender the envelope sender, empty for a null sender
 * @param recipient the envelope recipient(s), comma separated
 * @param held whether a legal hold (on the account or the program) stops its disposal
 */
public record MessageRecord(String id, String account, String program, RecordDirection direction, Instant date, long size,
                            String messageId, String sender, String recipient, boolean held) {
    public MessageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
    }
}
