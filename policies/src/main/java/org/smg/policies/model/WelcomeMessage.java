package org.smg.policies.model;

import java.util.Objects;

/**
 * The message a program places in a new citizen's INBOX, sent from the program's staff address.
 *
 * @param subject one line
 * @param body plain text, possibly many lines
 */
public record WelcomeMessage(String subject, String body) {

    public WelcomeMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** Gives lengths only: message content stays out of logs. */
    @Override
    public String toString() {
        return "WelcomeMessage[subject: " + subject.length() + " characters, body: " + body.length() + " characters]";
    }
}
