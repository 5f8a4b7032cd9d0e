package org.smg.gateway.scanner;

/** The embedded clamd could not be started; the message says what to do. */
public final class ClamdStartException extends Exception {
    public ClamdStartException(String message) {
        super(message);
    }

    public ClamdStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
