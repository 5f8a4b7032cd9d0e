package org.smg.gateway.attachments;

/** The inspection could not run (the message or the stores could not be read): not a verdict, the mail is held. */
public final class InspectionFailedException extends Exception {
    public InspectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
