package org.smg.mailets.audit;

/**
 * Where audit entries go. The gateway binds its tamper-evident trail in the encrypted database;
 * a stock James binds one through its Guice extension mechanism (for instance
 * {@link LoggingAuditSink}). There is deliberately no default: a pipeline that is meant to keep
 * an audit trail fails to start rather than silently keeping none.
 *
 * <p>Contract: an entry is recorded (durably, where the sink stores at all) before {@code append}
 * returns; when it cannot be, {@code append} throws and the caller must not carry on as if it had
 * been. Values are identifiers and outcomes, never message content, subjects or passwords; a sink
 * refuses values with control characters so that no entry can forge another in a log or export.
 */
public interface AuditSink {
    /**
     * @param actor who acted: {@code system}, {@code admin:<name>}, {@code user:<address>}, {@code mta:<ip>}, {@code client:<ip>}
     * @param action what happened
     * @param objectId what it happened to: a mail name, an account, an invitation id
     * @param outcome a short lower-case word such as {@code accepted} or {@code no-route}
     * @param detail non-content context such as {@code protocol=imap}; empty when there is none, never null
     */
    void append(String actor, AuditAction action, String objectId, String outcome, String detail) throws AuditException;
}
