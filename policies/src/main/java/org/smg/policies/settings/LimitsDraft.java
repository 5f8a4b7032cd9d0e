package org.smg.policies.settings;

import static org.smg.policies.settings.Limits.*;
import static org.smg.policies.settings.SettingKeys.*;

import java.time.Duration;

/** The mutable limit values a builder collects, with their defaults and range checks. */
final class LimitsDraft {

    long maxMessageSize = 100L << 20;
    int connectionsPerIp = 20;
    int connections = 500;
    long imapLiteralSize = 100L << 20;
    long imapPreAuthLiteralSize = 8L << 10;
    int imapLiteralsPerCommand = 64;
    int imapMaxLineLength = 65_536;
    int authFailuresBeforeDelay = 3;
    Duration authMaxDelay = Duration.ofSeconds(5);
    int maxRecipients = 50;

    LimitsDraft copy() {
        LimitsDraft copy = new LimitsDraft();
        copy.maxMessageSize = maxMessageSize;
        copy.connectionsPerIp = connectionsPerIp;
        copy.connections = connections;
        copy.imapLiteralSize = imapLiteralSize;
        copy.imapPreAuthLiteralSize = imapPreAuthLiteralSize;
        copy.imapLiteralsPerCommand = imapLiteralsPerCommand;
        copy.imapMaxLineLength = imapMaxLineLength;
        copy.authFailuresBeforeDelay = authFailuresBeforeDelay;
        copy.authMaxDelay = authMaxDelay;
        copy.maxRecipients = maxRecipients;
        return copy;
    }

    /** Records every value out of its range, and a pre-login literal limit above the post-login one. */
    void check(Problems problems) {
        size(problems, MAX_MESSAGE_SIZE, maxMessageSize, MESSAGE_SIZE_MIN, MESSAGE_SIZE_MAX);
        number(problems, CONNECTIONS_PER_IP, connectionsPerIp, CONNECTIONS_PER_IP_MIN, CONNECTIONS_PER_IP_MAX);
        number(problems, CONNECTIONS, connections, CONNECTIONS_MIN, CONNECTIONS_MAX);
        boolean literalValid = size(problems, IMAP_LITERAL_SIZE, imapLiteralSize, LITERAL_SIZE_MIN, LITERAL_SIZE_MAX);
        boolean preAuthValid = size(problems, IMAP_PRE_AUTH_LITERAL_SIZE, imapPreAuthLiteralSize,
                PRE_AUTH_LITERAL_SIZE_MIN, PRE_AUTH_LITERAL_SIZE_MAX);
        number(problems, IMAP_LITERALS_PER_COMMAND, imapLiteralsPerCommand,
                LITERALS_PER_COMMAND_MIN, LITERALS_PER_COMMAND_MAX);
        number(problems, IMAP_MAX_LINE_LENGTH, imapMaxLineLength, LINE_LENGTH_MIN, LINE_LENGTH_MAX);
        number(problems, AUTH_FAILURES_BEFORE_DELAY, authFailuresBeforeDelay,
                FAILURES_BEFORE_DELAY_MIN, FAILURES_BEFORE_DELAY_MAX);
        problems.expect(authMaxDelay.compareTo(AUTH_DELAY_MIN) >= 0 && authMaxDelay.compareTo(AUTH_DELAY_MAX) <= 0,
                AUTH_MAX_DELAY, DurationParser.range(AUTH_DELAY_MIN, AUTH_DELAY_MAX),
                DurationParser.format(authMaxDelay));
        number(problems, MAX_RECIPIENTS, maxRecipients, MAX_RECIPIENTS_MIN, MAX_RECIPIENTS_MAX);
        if (literalValid && preAuthValid && imapPreAuthLiteralSize > imapLiteralSize) {
            // A client that has not even logged in must never be allowed more than a logged-in one.
            String limit = problems.shown(IMAP_LITERAL_SIZE, SizeParser.format(imapLiteralSize));
            String preAuth = problems.shown(IMAP_PRE_AUTH_LITERAL_SIZE, SizeParser.format(imapPreAuthLiteralSize));
            // Point at the line the administrator wrote; a default is not the mistake.
            String lineKey = problems.fromFile(IMAP_PRE_AUTH_LITERAL_SIZE)
                    ? IMAP_PRE_AUTH_LITERAL_SIZE : IMAP_LITERAL_SIZE;
            problems.addOnLineOf(lineKey, IMAP_PRE_AUTH_LITERAL_SIZE,
                    Messages.expected("at most " + IMAP_LITERAL_SIZE + " (" + limit + ")", preAuth));
        }
    }

    // Returns false also for a value the loader could not parse, so no cross-check runs on a stand-in default.
    private static boolean size(Problems problems, String key, long value, long min, long max) {
        boolean valid = value >= min && value <= max;
        problems.expect(valid, key, SizeParser.range(min, max), SizeParser.format(value));
        return valid && problems.usable(key);
    }

    private static void number(Problems problems, String key, int value, int min, int max) {
        boolean valid = value >= min && value <= max;
        problems.expect(valid, key, WholeNumbers.range(min, max), Integer.toString(value));
    }
}
