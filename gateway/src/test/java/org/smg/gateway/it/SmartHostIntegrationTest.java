package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Outbound mail leaves through the smart host over TLS verified against the configured trust store:
 * an invitation email arrives there, and so does the DSN for a mail whose inbox closed while it
 * was queued (which reaches no inbox).
 */
class SmartHostIntegrationTest {
    private static final int SMART_HOST_PORT = FreePorts.pick(1).get(0);

    @RegisterExtension
    static final GatewayProcess gateway = SmartHostFixture.gateway("localhost", SMART_HOST_PORT);

    private static GreenMail smartHost;

    @BeforeAll
    static void startSmartHost() {
        smartHost = SmartHostFixture.start(SMART_HOST_PORT);
    }

    @AfterAll
    static void stopSmartHost() {
        smartHost.stop();
    }

    @Test
    void invitationEmailShouldReachSmartHostWhenItsCertificateIsTrusted() throws Exception {
        String email = "jane-" + UUID.randomUUID() + "@example.net";

        WebAdmin.invite(gateway, email);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(Arrays.stream(smartHost.getReceivedMessages()).map(SmartHostFixture::recipients))
                .anyMatch(recipients -> recipients.contains(email)));
    }

    /**
     * A staff mail accepted for the demo citizen whose inbox closes before the pipeline delivers
     * it: the gateway returns it with an RFC 3464 DSN that leaves through the smart host with the
     * null reverse-path, and the mail reaches no inbox.
     */
    @Test
    void dsnShouldReachTheSmartHostWithANullReversePathWhenTheInboxClosedWhileTheMailWasQueued() throws Exception {
        String subject = "closed " + UUID.randomUUID();
        String sender = "clerk-" + UUID.randomUUID() + "@staff.example";
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<" + sender + ">");
            assertThat(smtp.command("RCPT TO:<" + gateway.demoAddress() + ">")).startsWith("250");
            assertThat(WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/suspend", null).statusCode())
                .isEqualTo(200);
            smtp.command("DATA");
            assertThat(smtp.command("From: " + sender + "\r\nSubject: " + subject + "\r\n\r\nCase file.\r\n.")).startsWith("250");
        }

        MimeMessage dsn = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smartHost.getReceivedMessages())
            .filter(message -> SmartHostFixture.recipients(message).contains(sender)).findFirst().orElse(null), java.util.Objects::nonNull);
        String raw = rawText(dsn);
        assertThat(dsn.getContentType()).contains("multipart/report").contains("delivery-status");
        assertThat(raw).contains("Action: failed", "Status: 5.2.1", "Final-Recipient: rfc822; " + gateway.demoAddress(),
            "please use paper correspondence").doesNotContain("Case file.");
        assertThat(dsn.getHeader("Return-Path")).containsExactly("<" + NullReversePath.MARK + ">");
        assertThat(NullReversePath.mailLines()).contains("MAIL FROM:<>");
        assertThat(WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/reactivate", null).statusCode())
            .isEqualTo(200);
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
            .doesNotContain(subject);
    }

    private static String rawText(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }


}
