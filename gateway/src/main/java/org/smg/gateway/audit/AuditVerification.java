package org.smg.gateway.audit;

/**
 * What the verifier found, shaped as {@code GET /audit/verify} answers it:
 * {@code {"valid": true|false, "firstBadSequence": n or null, "missingAfter": n or null}}.
 *
 * @param firstBadSequence the first sequence number whose entry is missing from the middle of the
 *                         chain, altered, out of order or (at the anchor) not the logged one
 * @param missingAfter the last sequence present when the chain ends before the anchor: the
 *                     entries after it were cut off
 */
public record AuditVerification(boolean valid, Long firstBadSequence, Long missingAfter) {
    static AuditVerification intact() {
        return new AuditVerification(true, null, null);
    }

    static AuditVerification badAt(long sequence) {
        return new AuditVerification(false, sequence, null);
    }

    static AuditVerification cutAfter(long lastPresent) {
        return new AuditVerification(false, null, lastPresent);
    }

    String toJson() {
        return "{\"valid\":" + valid + ",\"firstBadSequence\":" + firstBadSequence + ",\"missingAfter\":" + missingAfter + "}";
    }
}
