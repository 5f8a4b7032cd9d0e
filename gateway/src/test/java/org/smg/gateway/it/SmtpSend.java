package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * One message sent over raw SMTP, the two ways mail enters the gateway: from the agency's MTA on the relay port
 * (trusted by its address, no login) and from a signed-in client on the submission port (STARTTLS, AUTH PLAIN). Every
 * step before the message must be accepted; the reply to the end of the message is returned for the test to judge.
 */
final class SmtpSend {
    /** The staff sender most tests relay from. */
    static final String CLERK = "clerk@staff.example";

    private SmtpSend() {
    }

    /** A relay-port conversation as the staff MTA opens it: greeted, EHLO said. Close it when done. */
    static SmtpConversation relaySession(GatewayProcess gateway) throws IOException {
        SmtpConversation smtp = SmtpConversation.open(gateway.relayPort());
        smtp.reply();
        smtp.command("EHLO staff-mta.agency.example");
        return smtp;
    }

    /** A submission-port conversation over STARTTLS, signed in as {@code user}. Close it when done. */
    static SmtpConversation submissionSession(GatewayProcess gateway, String user, String password) throws IOException {
        SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort());
        smtp.reply();
        smtp.command("EHLO client.example");
        smtp.startTls();
        smtp.command("EHLO client.example");
        assertThat(smtp.authPlain(user, password)).startsWith("235");
        return smtp;
    }

    /** Relays {@code message} (CRLF line ends, no final dot) from {@code sender} ("" for a null sender). */
    static String relay(GatewayProcess gateway, String sender, String recipient, String message) throws IOException {
        try (SmtpConversation smtp = relaySession(gateway)) {
            return transaction(smtp, sender, recipient, message);
        }
    }

    /** Relays the message from its From address to its To address. */
    static String relay(GatewayProcess gateway, AttachedMessage message) throws IOException {
        return relay(gateway, message.from(), message.to(), message.raw());
    }

    /** Submits {@code message} signed in as {@code user}, who is also the envelope sender. */
    static String submit(GatewayProcess gateway, String user, String password, String recipient, String message) throws IOException {
        try (SmtpConversation smtp = submissionSession(gateway, user, password)) {
            return transaction(smtp, user, recipient, message);
        }
    }

    private static String transaction(SmtpConversation smtp, String sender, String recipient, String message) throws IOException {
        assertThat(smtp.command("MAIL FROM:<" + sender + ">")).startsWith("250");
        assertThat(smtp.command("RCPT TO:<" + recipient + ">")).startsWith("250");
        assertThat(smtp.command("DATA")).startsWith("354");
        String stuffed = (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
        return smtp.command(stuffed + "\r\n.");
    }
}
