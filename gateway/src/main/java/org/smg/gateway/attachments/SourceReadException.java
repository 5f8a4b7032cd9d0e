package org.smg.gateway.attachments;

import java.io.IOException;

/**
 * Reading the raw message itself failed (storage, pipe, network): not the sender's fault, so not a refusal. Tagging
 * these lets every other failure while walking the MIME structure be told apart as a malformed message.
 */
final class SourceReadException extends IOException {
    SourceReadException(IOException cause) {
        super("reading the message failed: " + cause.getMessage(), cause);
    }
}
