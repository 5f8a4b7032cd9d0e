package org.smg.gateway.audit;

/**
 * One entry of the audit trail as stored: the action is kept as the stored word (not parsed) so
 * that the verifier hashes exactly what is in the database. Hashes are lower-case hex.
 *
 * @param sequence position in the chain, 1 for the first entry, no gaps
 * @param timeMillis when it was appended, milliseconds since the epoch (UTC)
 */
public record AuditEntry(long sequence, long timeMillis, String actor, String action, String objectId, String outcome,
                         String detail, String prevHash, String hash) {
}
