package org.smg.policies.settings;

import java.time.Duration;

/** Immutable resource limits that keep one client, or many, from exhausting the gateway. */
public final class Limits {

    static final long MESSAGE_SIZE_MIN = 1L << 10;
    static final long MESSAGE_SIZE_MAX = 2L << 30;
    static final int CONNECTIONS_PER_IP_MIN = 1;
    static final int CONNECTIONS_PER_IP_MAX = 10_000;
    static final int CONNECTIONS_MIN = 1;
    static final int CONNECTIONS_MAX = 100_000;
    static final long LITERAL_SIZE_MIN = 1L << 10;
    static final long LITERAL_SIZE_MAX = 2L << 30;
    static final long PRE_AUTH_LITERAL_SIZE_MIN = 64;
    static final long PRE_AUTH_LITERAL_SIZE_MAX = 64L << 10;
    static final int LITERALS_PER_COMMAND_MIN = 1;
    static final int LITERALS_PER_COMMAND_MAX = 10_000;
    static final int LINE_LENGTH_MIN = 1024;
    static final int LINE_LENGTH_MAX = 1_048_576;
    static final int FAILURES_BEFORE_DELAY_MIN = 1;
    static final int FAILURES_BEFORE_DELAY_MAX = 100;
    static final Duration AUTH_DELAY_MIN = Duration.ZERO;
    static final Duration AUTH_DELAY_MAX = Duration.ofSeconds(60);
    static final int MAX_RECIPIENTS_MIN = 1;
    static final int MAX_RECIPIENTS_MAX = 10_000;

    private final LimitsDraft values;

    private Limits(LimitsDraft values) {
        this.values = values.copy();
    }

    /** Validates the draft, recording every out-of-range value in problems. */
    static Limits create(LimitsDraft draft, Problems problems) {
        draft.check(problems);
        return new Limits(draft);
    }

    /** Largest accepted message, in bytes (limits.maxMessageSize). */
    public long maxMessageSize() {
        return values.maxMessageSize;
    }

    /** Simultaneous connections allowed from one IP address (limits.connectionsPerIp). */
    public int connectionsPerIp() {
        return values.connectionsPerIp;
    }

    /** Simultaneous connections allowed in all (limits.connections). */
    public int connections() {
        return values.connections;
    }

    /** Largest IMAP literal accepted after login, in bytes (limits.imap.literalSize). */
    public long imapLiteralSizeLimit() {
        return values.imapLiteralSize;
    }

    /** Largest IMAP literal accepted before login, in bytes (limits.imap.preAuthLiteralSize). */
    public long imapPreAuthLiteralSizeLimit() {
        return values.imapPreAuthLiteralSize;
    }

    /** Most literals one IMAP command may carry (limits.imap.literalsPerCommand). */
    public int imapMaxLiteralsPerCommand() {
        return values.imapLiteralsPerCommand;
    }

    /** Longest IMAP command line, in bytes (limits.imap.maxLineLength). */
    public int imapMaxLineLength() {
        return values.imapMaxLineLength;
    }

    /** Failed logins tolerated before responses are delayed (limits.auth.failuresBeforeDelay). */
    public int authFailuresBeforeDelay() {
        return values.authFailuresBeforeDelay;
    }

    /** Longest delay imposed after repeated failed logins (limits.auth.maxDelay). */
    public Duration authMaxDelay() {
        return values.authMaxDelay;
    }

    /** Most recipients one SMTP transaction may name; the next RCPT gets 452 (limits.maxRecipients). */
    public int maxRecipients() {
        return values.maxRecipients;
    }

    @Override
    public String toString() {
        return "Limits[maxMessageSize=" + SizeParser.format(maxMessageSize())
                + ", connectionsPerIp=" + connectionsPerIp()
                + ", connections=" + connections()
                + ", imapLiteralSize=" + SizeParser.format(imapLiteralSizeLimit())
                + ", imapPreAuthLiteralSize=" + SizeParser.format(imapPreAuthLiteralSizeLimit())
                + ", imapLiteralsPerCommand=" + imapMaxLiteralsPerCommand()
                + ", imapMaxLineLength=" + imapMaxLineLength()
                + ", authFailuresBeforeDelay=" + authFailuresBeforeDelay()
                + ", authMaxDelay=" + DurationParser.format(authMaxDelay())
                + ", maxRecipients=" + maxRecipients() + "]";
    }
}
