package org.smg.gateway.enrollment;

import java.util.Objects;

/**
 * Why the gateway ends an open session, which each protocol tells the client in its own words: IMAP with an
 * untagged BYE, SMTP with a 421 (a response code and enhanced status code for each cause).
 *
 * @param explanation one line for the client, without control characters
 */
public record SessionEnd(Cause cause, String explanation) {
    /** The causes a protocol distinguishes. */
    public enum Cause {
        /** Suspended, opted out or password changed: the client should not simply retry. */
        ACCOUNT_CHANGED,
        /** A maintenance window began: the client may come back after the end the explanation names. */
        MAINTENANCE
    }

    public static final SessionEnd ACCOUNT_CHANGED = new SessionEnd(Cause.ACCOUNT_CHANGED, "Session ended by the gateway: the account changed");

    public SessionEnd {
        Objects.requireNonNull(cause, "cause");
        if (explanation.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a session end's explanation is one line of text");
        }
    }

    public static SessionEnd maintenance(String explanation) {
        return new SessionEnd(Cause.MAINTENANCE, explanation);
    }
}
