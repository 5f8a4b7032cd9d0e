package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.*;

import java.time.Duration;

/** Immutable resource limits that keep one client, or many, from exhausting the gateway. */
public final class Limits {

    private final SettingValues values;

    private Limits(SettingValues values) {
        this.values = values;
    }

    /** Takes the limits from checked values, and records a pre-login literal limit above the post-login one. */
    static Limits create(SettingValues values, Problems problems) {
        long literal = values.get(IMAP_LITERAL_SIZE);
        long preAuth = values.get(IMAP_PRE_AUTH_LITERAL_SIZE);
        boolean bothValid = !problems.has(IMAP_LITERAL_SIZE.key()) && !problems.has(IMAP_PRE_AUTH_LITERAL_SIZE.key());
        if (bothValid && preAuth > literal) {
            // A client that has not even logged in must never be allowed more than a logged-in one.
            String limit = problems.shown(IMAP_LITERAL_SIZE.key(), SizeParser.format(literal));
            String shownPreAuth = problems.shown(IMAP_PRE_AUTH_LITERAL_SIZE.key(), SizeParser.format(preAuth));
            // Point at the line the administrator wrote; a default is not the mistake.
            Setting<Long> lineKey = problems.fromFile(IMAP_PRE_AUTH_LITERAL_SIZE.key())
                    ? IMAP_PRE_AUTH_LITERAL_SIZE : IMAP_LITERAL_SIZE;
            problems.addOnLineOf(lineKey.key(), IMAP_PRE_AUTH_LITERAL_SIZE.key(),
                    Messages.expected("at most " + IMAP_LITERAL_SIZE + " (" + limit + ")", shownPreAuth));
        }
        return new Limits(values);
    }

    /** Largest accepted message, in bytes (limits.maxMessageSize). */
    public long maxMessageSize() {
        return values.get(MAX_MESSAGE_SIZE);
    }

    /** Most recipients one SMTP transaction may name (limits.maxRecipients). */
    public int maxRecipients() {
        return values.get(MAX_RECIPIENTS);
    }

    /** Simultaneous connections allowed from one IP address (limits.connectionsPerIp). */
    public int connectionsPerIp() {
        return values.get(CONNECTIONS_PER_IP);
    }

    /** Simultaneous connections allowed in all (limits.connections). */
    public int connections() {
        return values.get(CONNECTIONS);
    }

    /** Largest IMAP literal accepted after login, in bytes (limits.imap.literalSize). */
    public long imapLiteralSizeLimit() {
        return values.get(IMAP_LITERAL_SIZE);
    }

    /** Largest IMAP literal accepted before login, in bytes (limits.imap.preAuthLiteralSize). */
    public long imapPreAuthLiteralSizeLimit() {
        return values.get(IMAP_PRE_AUTH_LITERAL_SIZE);
    }

    /** Most literals one IMAP command may carry (limits.imap.literalsPerCommand). */
    public int imapMaxLiteralsPerCommand() {
        return values.get(IMAP_LITERALS_PER_COMMAND);
    }

    /** Longest IMAP command line, in bytes (limits.imap.maxLineLength). */
    public int imapMaxLineLength() {
        return values.get(IMAP_MAX_LINE_LENGTH);
    }

    /** Failed logins tolerated before responses are delayed (limits.auth.failuresBeforeDelay). */
    public int authFailuresBeforeDelay() {
        return values.get(AUTH_FAILURES_BEFORE_DELAY);
    }

    /** Longest delay imposed after repeated failed logins (limits.auth.maxDelay). */
    public Duration authMaxDelay() {
        return values.get(AUTH_MAX_DELAY);
    }

    @Override
    public String toString() {
        return "Limits[maxMessageSize=" + SizeParser.format(maxMessageSize())
                + ", maxRecipients=" + maxRecipients()
                + ", connectionsPerIp=" + connectionsPerIp()
                + ", connections=" + connections()
                + ", imapLiteralSize=" + SizeParser.format(imapLiteralSizeLimit())
                + ", imapPreAuthLiteralSize=" + SizeParser.format(imapPreAuthLiteralSizeLimit())
                + ", imapLiteralsPerCommand=" + imapMaxLiteralsPerCommand()
                + ", imapMaxLineLength=" + imapMaxLineLength()
                + ", authFailuresBeforeDelay=" + authFailuresBeforeDelay()
                + ", authMaxDelay=" + DurationParser.format(authMaxDelay()) + "]";
    }
}
