package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail clients submit over STARTTLS + AUTH or SMTPS, and only as themselves. Citizens write to topic
 * addresses (routing.yaml: eco-credits leads to eco@staff.example); without a smart host the routed mail
 * waits in the outbound-held repository, where these tests find it.
 */
class SubmissionIntegrationTest {
    private static final String TOPIC = "eco-credits@gateway.localhost";
    private static final String HELD = "var/mail/outbound-held/";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void submissionShouldRouteToStaffWhenClientUsesStartTlsAndAuth() throws Exception {
        String subject = "submission " + UUID.randomUUID();
        Session session = MailClients.submissionSession(gateway.submissionPort());

        MailClients.submit(session, "smtp", gateway.demoAddress(), gateway.demoPassword(),
            messageToTopic(session, subject, "Sent over STARTTLS."));

        awaitHeldForStaff(subject, "Sent over STARTTLS.");
    }

    @Test
    void smtpsShouldRouteToStaffWhenClientUsesImplicitTlsAndAuth() throws Exception {
        String subject = "smtps " + UUID.randomUUID();
        Session session = MailClients.smtpsSession(gateway.smtpsPort());

        MailClients.submit(session, "smtps", gateway.demoAddress(), gateway.demoPassword(),
            messageToTopic(session, subject, "Sent over implicit TLS."));

        awaitHeldForStaff(subject, "Sent over implicit TLS.");
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

    @Test
    void authPlainShouldBeRefusedWith530BeforeStartTlsEvenWithTheRightPassword() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");

            String auth = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String mail = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            assertThat(auth).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(mail).as("still not logged in").startsWith("530 5.7.0 Authentication required");
        }
    }

    @Test
    void authLoginShouldBeRefusedWith530BeforeStartTlsBeforeAnyCredentialIsRead() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO laptop");

            String auth = smtp.command("AUTH LOGIN");
            String userLine = smtp.command("ZGVtbw==");

            assertThat(auth).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(userLine).as("read as a command, not as a user name").startsWith("500 ");
        }
    }

    @Test
    void authPlainAndAuthLoginShouldSucceedAfterStartTls() throws Exception {
        String plain;
        String login;

        try (SmtpConversation smtp = startTls(SmtpConversation.open(gateway.submissionPort()))) {
            plain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
        }
        try (SmtpConversation smtp = startTls(SmtpConversation.open(gateway.submissionPort()))) {
            login = smtp.authLogin(gateway.demoAddress(), gateway.demoPassword());
        }

        assertThat(plain).startsWith("235 ");
        assertThat(login).startsWith("235 ");
    }

    @Test
    void dataShouldBeRefusedWith550BeforeQueueingWhenAuthorHeadersAreNotTheLoggedInUser() throws Exception {
        String me = gateway.demoAddress();
        String agency = "notices@gateway.localhost";
        List<String> spoofs = List.of(
            "From: Tax Authority <" + agency + ">",
            "From: " + me + "\r\nFrom: " + agency,
            "From: Tax Authority: " + me + ";",
            "From: " + me + " (Tax Authority <" + agency + ">)",
            "From: =?UTF-8?Q?" + agency.replace("@", "=40") + "?= <" + me + ">",
            "From: " + me + ", " + agency,
            "From: " + me + "\r\nSender: " + agency,
            "From: " + me.toUpperCase(Locale.ROOT) + "\r\nFrom : " + agency);
        List<String> subjects = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        String marker = "genuine " + UUID.randomUUID();
        String genuine;

        try (SmtpConversation smtp = loggedIn()) {
            for (String authorHeaders : spoofs) {
                String subject = "spoof " + UUID.randomUUID();
                subjects.add(subject);
                replies.add(smtp.mail(me, TOPIC, authorHeaders + "\r\nSubject: " + subject + "\r\n\r\nPay here.\r\n"));
            }
            genuine = smtp.mail(me, TOPIC, "From: \"Jane Citizen\" <" + me + ">\r\nSubject: " + marker + "\r\n\r\nHello.\r\n");
        }

        assertThat(replies).hasSize(spoofs.size()).allSatisfy(reply ->
            assertThat(reply).startsWith("550 5.7.1 The From: and Sender: headers must be your own address"));
        assertThat(genuine).startsWith("250 ");
        awaitHeldForStaff(marker, "Hello.");
        assertThat(heldMessages()).noneMatch(raw -> subjects.stream().anyMatch(raw::contains));
    }

    @Test
    void rcptShouldBeRefusedWith452BeyondFiftyRecipientsAndCountAgainAfterRset() throws Exception {
        List<String> accepted = new ArrayList<>();
        String fiftyFirst;
        String afterRset;

        try (SmtpConversation smtp = loggedIn()) {
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
            for (int i = 0; i < 50; i++) {
                accepted.add(smtp.command("RCPT TO:<" + TOPIC + ">"));
            }
            fiftyFirst = smtp.command("RCPT TO:<" + TOPIC + ">");
            smtp.command("RSET");
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
            afterRset = smtp.command("RCPT TO:<" + TOPIC + ">");
        }

        assertThat(accepted).hasSize(50).allSatisfy(reply -> assertThat(reply).startsWith("250 "));
        assertThat(fiftyFirst).isEqualTo("452 4.5.3 Too many recipients (limit 50); send to the others in another message");
        assertThat(afterRset).startsWith("250 ");
    }

    private static SmtpConversation startTls(SmtpConversation smtp) throws Exception {
        smtp.reply();
        smtp.command("EHLO laptop");
        smtp.startTls();
        smtp.command("EHLO laptop");
        return smtp;
    }

    private static SmtpConversation loggedIn() throws Exception {
        SmtpConversation smtp = startTls(SmtpConversation.open(gateway.submissionPort()));
        assertThat(smtp.authPlain(gateway.demoAddress(), gateway.demoPassword())).startsWith("235 ");
        return smtp;
    }

    private static MimeMessage messageToTopic(Session session, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(gateway.demoAddress()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(TOPIC));
        message.setSubject(subject);
        message.setText(text);
        return message;
    }

    /** The routed mail waits for a smart host: to the topic's staff address, with its subject and text. */
    private static void awaitHeldForStaff(String subject, String text) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, HELD)).anySatisfy(mail -> {
                assertThat(mail.path("recipients").toString()).contains("eco@staff.example");
                assertThat(WebAdmin.rawMail(gateway, HELD, mail.path("name").asText())).contains("Subject: " + subject, text);
            }));
    }

    private static List<String> heldMessages() throws Exception {
        List<String> raw = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode mail : WebAdmin.repositoryMails(gateway, HELD)) {
            raw.add(WebAdmin.rawMail(gateway, HELD, mail.path("name").asText()));
        }
        return raw;
    }
}
