package org.smg.gateway.quarantine;

/** The quarantine could not store or read a mail (database, message stream or audit trail failed). */
public final class QuarantineException extends Exception {
    public QuarantineException(String message, Throwable cause) {
        super(message, cause);
    }

    public QuarantineException(String message) {
        super(message);
    }
}
