package org.smg.gateway.records;

/** The records store could not do what was asked; the message names the record or account, never content. */
public final class RecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public RecordException(String message) {
        super(message);
    }
}
