package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Mail to a local address without an active secure inbox is refused at RCPT with the stated codes
 * and texts, on the relay port and on submission; an inbox closed after RCPT returns the mail in a
 * DSN; with no smart host every outbound mail (DSN, invitation email) waits in the held repository.
 * The demo account is suspended, reactivated and finally opted out (its content-free confirmation
 * then waits in the held repository, as no smart host is configured), so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedInboxIntegrationTest {
    private static final String HELD = "var/mail/outbound-held";
    /** The external email of the invitation of test 4: no message may ever be held for it. */
    private static String invitedWithoutEmail = "";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    @Order(1)
    void relayRcptShouldBeRefusedWith511WhenAddressHasNoAccount() throws Exception {
        String reply = relayRcpt("nobody-" + UUID.randomUUID() + "@gateway.localhost");

        assertThat(reply).isEqualTo("550 5.1.1 No secure inbox exists for this address; please use paper correspondence");
    }

    @Test
    @Order(2)
    void relayRcptShouldBeRefusedWith521WhenInvitationIsUnused() throws Exception {
        String invited = WebAdmin.invite(gateway, "unused-" + UUID.randomUUID() + "@example.net");

        String reply = relayRcpt(invited);

        assertThat(reply).startsWith("550 5.2.1 There is no active secure inbox for this address yet")
            .contains("paper correspondence");
    }

    @Test
    @Order(3)
    void submissionRcptShouldBeRefusedWith571WhenCitizenWritesToUnusedInvitation() throws Exception {
        String invited = WebAdmin.invite(gateway, "peer-" + UUID.randomUUID() + "@example.net");
        String reply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.example");
            smtp.startTls();
            smtp.command("EHLO client.example");
            assertThat(smtp.authPlain(gateway.demoAddress(), gateway.demoPassword())).startsWith("235");
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            reply = smtp.command("RCPT TO:<" + invited + ">");
        }

        // A citizen never writes to another citizen, whatever the state of that inbox (CitizenStaffRoutingIntegrationTest).
        assertThat(reply).startsWith("550 5.7.1 You can write only to a topic address");
    }

    @Test
    @Order(4)
    void invitationShouldNotBeEmailedWhenNoSmartHostIsConfigured() throws Exception {
        invitedWithoutEmail = "held-" + UUID.randomUUID() + "@example.net";

        String address = WebAdmin.invite(gateway, invitedWithoutEmail);

        HttpResponse<String> repositories = WebAdmin.call(gateway, "GET", "/mailRepositories", null);
        assertThat(address).endsWith("@gateway.localhost");
        assertThat(repositories.body()).contains(HELD);
        assertThat(gateway.output()).contains("invitation for " + address + " not emailed: no smart host is configured");
    }

    @Test
    @Order(5)
    void mailShouldBeReturnedInDsnAndNotDeliveredWhenInboxClosesAfterRcpt() throws Exception {
        String subject = "closed " + UUID.randomUUID();
        String sender = "clerk-" + UUID.randomUUID() + "@staff.example";
        String dataReply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<" + sender + ">");
            assertThat(smtp.command("RCPT TO:<" + gateway.demoAddress() + ">")).startsWith("250");
            // The inbox closes between RCPT and the end of DATA: the pipeline, not RCPT, must catch it.
            assertThat(WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/suspend", null).statusCode())
                .isEqualTo(200);
            smtp.command("DATA");

            dataReply = smtp.command("From: " + sender + "\r\nSubject: " + subject + "\r\n\r\nCase file.\r\n.");
        }

        assertThat(dataReply).startsWith("250");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, HELD))
                .as("a DSN with the null sender, to the staff sender")
                .anyMatch(mail -> mail.path("recipients").toString().contains(sender) && isNullSender(mail)));
        JsonNode dsn = WebAdmin.repositoryMails(gateway, HELD).stream()
            .filter(mail -> mail.path("recipients").toString().contains(sender)).findFirst().orElseThrow();
        String raw = WebAdmin.rawMail(gateway, HELD, dsn.path("name").asText());
        assertThat(raw).contains("Content-Type: multipart/report;").contains("report-type=delivery-status")
            .contains("Content-Type: message/delivery-status")
            .contains("Final-Recipient: rfc822; " + gateway.demoAddress())
            .contains("Action: failed")
            .contains("Status: 5.2.1")
            .contains("Diagnostic-Code: smtp; 550 5.2.1 There is no active secure inbox for this address (suspended)")
            .doesNotContain("Case file.")
            .doesNotContain(subject);
        assertThat(WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/reactivate", null).statusCode())
            .isEqualTo(200);
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
            .doesNotContain(subject);
    }

    @Test
    @Order(6)
    void relayRcptShouldSayOptedOutWhenAccountOptedOut() throws Exception {
        assertThat(WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/opt-out", null).statusCode())
            .isEqualTo(200);

        String reply = relayRcpt(gateway.demoAddress());

        assertThat(reply).startsWith("550 5.2.1 The recipient opted out of secure messaging")
            .contains("paper correspondence");
        // The opt-out confirmation, not a delivery notification, which goes to the same external address.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, HELD).stream()
                .filter(mail -> mail.path("recipients").toString().contains("demo.citizen@example.net"))
                .map(mail -> rawMail(mail.path("name").asText())))
                .anyMatch(raw -> raw.contains("Subject: You have left secure messaging")));
        assertThat(WebAdmin.repositoryMails(gateway, HELD))
            .noneMatch(mail -> mail.path("recipients").toString().contains(invitedWithoutEmail));
    }

    private static String rawMail(String key) {
        try {
            return WebAdmin.rawMail(gateway, HELD, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relayRcpt(String recipient) throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<clerk@staff.example>");
            return smtp.command("RCPT TO:<" + recipient + ">");
        }
    }

    private static boolean isNullSender(JsonNode mail) {
        JsonNode sender = mail.path("sender");
        return !sender.isTextual() || sender.asText().isEmpty();
    }
}
