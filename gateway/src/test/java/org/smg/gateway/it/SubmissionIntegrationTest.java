package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail clients submit over STARTTLS + AUTH or SMTPS, and only as themselves. */
class SubmissionIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void submissionShouldDeliverToInboxWhenClientUsesStartTlsAndAuth() throws Exception {
        String subject = "submission " + UUID.randomUUID();
        Session session = MailClients.submissionSession(gateway.submissionPort());

        MailClients.submit(session, "smtp", gateway.demoAddress(), gateway.demoPassword(),
            messageToDemo(session, subject, "Sent over STARTTLS."));

        awaitInInbox(subject, "Sent over STARTTLS.");
    }

    @Test
    void smtpsShouldDeliverToInboxWhenClientUsesImplicitTlsAndAuth() throws Exception {
        String subject = "smtps " + UUID.randomUUID();
        Session session = MailClients.smtpsSession(gateway.smtpsPort());

        MailClients.submit(session, "smtps", gateway.demoAddress(), gateway.demoPassword(),
            messageToDemo(session, subject, "Sent over implicit TLS."));

        awaitInInbox(subject, "Sent over implicit TLS.");
    }

    @Test
    void ehloShouldOfferAuthOnlyWhenTlsIsStarted() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();

            String beforeTls = smtp.command("EHLO laptop");
            String startTls = smtp.startTls();
            String afterTls = smtp.command("EHLO laptop");

            assertThat(beforeTls).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(startTls).startsWith("220 ");
            assertThat(afterTls).contains("AUTH").doesNotContain("STARTTLS");
        }
    }

    @Test
    void mailFromShouldBeRefusedWith530WhenClientDidNotAuthenticate() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");
            smtp.startTls();
            smtp.command("EHLO laptop");

            String reply = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            assertThat(reply).startsWith("530 5.7.0 Authentication required");
        }
    }

    @Test
    void authShouldBeRefusedWith535WhenPasswordIsWrong() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");
            smtp.startTls();
            smtp.command("EHLO laptop");

            String reply = smtp.authPlain(gateway.demoAddress(), "not-the-password");

            assertThat(reply).startsWith("535 ");
        }
    }

    /** OIDC SASL is the only user of reactor-netty, which we do not ship: it must stay unreachable. */
    @Test
    void authShouldRefuseOAuthMechanismsWith504WhenClientSendsThemUnannounced() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");
            smtp.startTls();
            smtp.command("EHLO laptop");

            String oauthBearer = smtp.command("AUTH OAUTHBEARER bixhPWRlbW9AZ2F0ZXdheS5sb2NhbGhvc3QsAWF1dGg9QmVhcmVyIHgBAQ==");
            String xoauth2 = smtp.command("AUTH XOAUTH2 dXNlcj1kZW1vAWF1dGg9QmVhcmVyIHgBAQ==");
            String noop = smtp.command("NOOP");

            assertThat(oauthBearer).startsWith("504 ");
            assertThat(xoauth2).startsWith("504 ");
            assertThat(noop).startsWith("250 ");
        }
    }

    @Test
    void mailFromShouldBeRefusedWhenSenderIsNotTheAuthenticatedUser() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");
            smtp.startTls();
            smtp.command("EHLO laptop");
            smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());

            String otherLocalUser = smtp.command("MAIL FROM:<registrar@gateway.localhost>");
            String outsider = smtp.command("MAIL FROM:<ceo@example.com>");
            String self = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            assertThat(otherLocalUser).startsWith("503 5.7.1 Incorrect Authentication for Specified Email Address");
            assertThat(outsider).startsWith("503 5.7.1 Incorrect Authentication for Specified Email Address");
            assertThat(self).startsWith("250 ");
        }
    }

    private static MimeMessage messageToDemo(Session session, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(gateway.demoAddress()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(gateway.demoAddress()));
        message.setSubject(subject);
        message.setText(text);
        return message;
    }

    private static void awaitInInbox(String subject, String text) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inbox(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
                .anySatisfy(received -> {
                    assertThat(received.subject()).isEqualTo(subject);
                    assertThat(received.text().strip()).isEqualTo(text);
                }));
    }
}
