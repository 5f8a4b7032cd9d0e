package org.smg.mailets.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit sink that only writes a line to the logger {@code org.smg.audit}: for running the
 * mailets on a stock James, which has no audit trail of its own. It keeps no hash chain, so it
 * proves nothing about completeness; the gateway binds its database trail instead.
 */
public final class LoggingAuditSink implements AuditSink {
    private static final Logger AUDIT = LoggerFactory.getLogger("org.smg.audit");

    @Override
    public void append(String actor, AuditAction action, String objectId, String outcome, String detail) throws AuditException {
        for (String value : new String[] {actor, objectId, outcome, detail}) {
            if (value == null || value.codePoints().anyMatch(Character::isISOControl)) {
                throw new AuditException("audit values must be present and free of control characters");
            }
        }
        AUDIT.info("actor={} action={} object={} outcome={} {}", actor, action, objectId, outcome, detail);
    }
}
