package org.smg.gateway.attachments;

/** The scanner could not give a verdict (unreachable, timed out, protocol error): retry later, never treat as clean. */
public final class ScannerUnavailableException extends Exception {
    public ScannerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ScannerUnavailableException(String message) {
        super(message);
    }
}
