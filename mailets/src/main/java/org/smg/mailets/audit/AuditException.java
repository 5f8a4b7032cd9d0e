package org.smg.mailets.audit;

/** An audit entry could not be recorded; the event it describes must not be taken as audited. */
public final class AuditException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditException(String message) {
        super(message);
    }
}
