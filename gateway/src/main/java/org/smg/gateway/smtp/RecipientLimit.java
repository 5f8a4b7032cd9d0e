package org.smg.gateway.smtp;

/** Most recipients one SMTP transaction may name (limits.maxRecipients), injected into {@link TooManyRecipients}. */
public record RecipientLimit(int max) {
    public RecipientLimit {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
    }
}
