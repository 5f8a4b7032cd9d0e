package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway is no open relay: not from the staff relay port, not from other addresses, not after AUTH. */
class RelayIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void relayPortShouldRefuseNonLocalRecipientWhenClientIsAllowListed() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            String greeting = smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<clerk@staff.example>");

            String reply = smtp.command("RCPT TO:<someone@example.com>");

            assertThat(greeting).startsWith("220 ");
            assertThat(reply).startsWith("550 5.7.1 Relaying denied");
        }
    }

    @Test
    void relayPortShouldDeliverToDemoInboxWhenClientIsAllowListed() throws Exception {
        String subject = "relay " + UUID.randomUUID();
        String dataReply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<clerk@staff.example>");
            String rcptReply = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");
            smtp.command("DATA");

            dataReply = smtp.command("From: clerk@staff.example\r\nSubject: " + subject + "\r\n\r\nYour case file.\r\n.");

            assertThat(rcptReply).startsWith("250 ");
        }

        assertThat(dataReply).startsWith("250 ");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
                .contains(subject));
    }

    @Test
    void relayPortShouldRefuseAndCloseConnectionWhenClientIsNotAllowListed() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.openFrom("127.0.0.2", gateway.relayPort())) {

            String greeting = smtp.reply();
            String afterwards = smtp.reply();

            assertThat(greeting).startsWith("554 5.7.1 ");
            assertThat(afterwards).as("connection closed by the gateway").isNull();
        }
    }

    @Test
    void authShouldBeRefusedWith502OnRelayPortBeforeAndAfterStartTlsWhenRelayAuthIsOff() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");

            String clearPlain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String clearLogin = smtp.command("AUTH LOGIN");
            smtp.startTls();
            String ehlo = smtp.command("EHLO staff-mta.agency.example");
            String tlsPlain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String tlsLogin = smtp.command("AUTH LOGIN");

            String refusal = "502 5.5.1 AUTH is not available on the staff relay port:"
                + " staff mail servers are admitted by address";
            assertThat(List.of(clearPlain, clearLogin, tlsPlain, tlsLogin)).containsOnly(refusal);
            assertThat(ehlo).doesNotContain("AUTH");
        }
    }

    @Test
    void relayPortShouldAcceptMailInClearFromLoopbackByDefault() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");

            String reply = smtp.command("MAIL FROM:<clerk@staff.example>");

            assertThat(reply).as("relay.requireTls=non-loopback spares this machine").startsWith("250 ");
        }
    }

    @Test
    void submissionShouldRefuseNonLocalRecipientWhenClientIsAuthenticated() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");
            smtp.startTls();
            smtp.command("EHLO laptop");
            String authReply = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            String reply = smtp.command("RCPT TO:<someone@example.com>");

            assertThat(authReply).startsWith("235 ");
            assertThat(reply).startsWith("550 5.7.1 You can write only to a topic address or reply to a message from staff.");
        }
    }
}
