package org.smg.gateway.secondfactor;

/** A second-factor or app-password request the rules refuse; the message is written for the citizen. */
public final class SecondFactorException extends Exception {
    private final String field;

    public SecondFactorException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the refusal is about, for {@code aria-describedby}. */
    public String field() {
        return field;
    }
}
