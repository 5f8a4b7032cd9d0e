package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * attachments.yaml's {@code mailboxQuota} is what James enforces, reloaded at once: a mail larger than the room
 * left is returned in a DSN (5.2.2), never lost; a full mailbox is refused at RCPT with {@code 452 4.2.2}; IMAP
 * APPEND over the quota answers James's own {@code NO [OVERQUOTA]}. The demo account is in program ECO; the
 * steps build on each other, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxQuotaIntegrationTest {
    private static final String HELD = "var/mail/outbound-held";
    private static final Pattern STORAGE_USED = Pattern.compile("\\(STORAGE (\\d+) (\\d+)\\)");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    @Order(1)
    void getQuotaShouldShowTheProgramQuotaOfThePolicyAfterAReload() throws Exception {
        reloadWithEcoQuota("5M");

        List<String> reply = imapCommand("GETQUOTA #private&" + gateway.demoAddress());

        assertThat(reply).first().asString().contains("(STORAGE ").endsWith(" 5120)");
    }

    @Test
    @Order(2)
    void mailShouldBeReturnedInDsnWhenItDoesNotFitTheRoomLeft() throws Exception {
        reloadWithEcoQuota((storageUsedKib() + 2) + "K");
        String sender = "clerk-" + UUID.randomUUID() + "@staff.example";
        String subject = "large " + UUID.randomUUID();

        String dataReply = SmtpSend.relay(gateway, sender, gateway.demoAddress(), message(sender, subject, 20_000));

        assertThat(dataReply).startsWith("250");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, HELD))
                .anyMatch(mail -> mail.path("recipients").toString().contains(sender)));
        JsonNode dsn = WebAdmin.repositoryMails(gateway, HELD).stream()
            .filter(mail -> mail.path("recipients").toString().contains(sender)).findFirst().orElseThrow();
        assertThat(WebAdmin.rawMail(gateway, HELD, dsn.path("name").asText()))
            .contains("Final-Recipient: rfc822; " + gateway.demoAddress())
            .contains("Status: 5.2.2")
            .contains("Diagnostic-Code: smtp; 550 5.2.2 Mailbox full")
            .doesNotContain(subject);
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
            .doesNotContain(subject);
    }

    @Test
    @Order(3)
    void rcptShouldBeRefusedWith452WhenTheMailboxIsFull() throws Exception {
        String subject = "fills " + UUID.randomUUID();
        reloadWithEcoQuota("5M");
        assertThat(SmtpSend.relay(gateway, "clerk@staff.example", gateway.demoAddress(), message("clerk@staff.example", subject, 3_000))).startsWith("250");
        await().atMost(Duration.ofSeconds(30)).until(() ->
            MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()).contains(subject));
        reloadWithEcoQuota("1K");

        String reply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<clerk@staff.example>");
            reply = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");
        }

        assertThat(reply).isEqualTo("452 4.2.2 Mailbox full");
    }

    @Test
    @Order(4)
    void appendShouldBeRefusedWithOverQuotaWhenTheMailboxIsFull() throws Exception {
        String message = message("demo@gateway.localhost", "draft", 500);

        List<String> reply;
        try (ImapConversation imap = loggedIn()) {
            imap.send("ap1 APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            reply = imap.linesUntilTagged("ap1");
        }

        assertThat(reply).last().asString().startsWith("ap1 NO [OVERQUOTA]");
    }

    private static void reloadWithEcoQuota(String quota) throws Exception {
        Path attachments = gateway.root().resolve("conf/policies/attachments.yaml");
        Files.writeString(attachments, "programs:\n  ECO:\n    mailboxQuota: " + quota + "\n");
        assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).statusCode()).isEqualTo(200);
    }

    private static long storageUsedKib() throws Exception {
        Matcher storage = STORAGE_USED.matcher(imapCommand("GETQUOTA #private&" + gateway.demoAddress()).get(0));
        assertThat(storage.find()).isTrue();
        return Long.parseLong(storage.group(1));
    }

    private static List<String> imapCommand(String command) throws Exception {
        try (ImapConversation imap = loggedIn()) {
            return imap.command("q1", command);
        }
    }

    private static String message(String from, String subject, int bodyBytes) {
        String line = "x".repeat(76) + "\r\n";
        return "From: " + from + "\r\nSubject: " + subject + "\r\n\r\n" + line.repeat(bodyBytes / line.length() + 1);
    }

    private static ImapConversation loggedIn() throws Exception {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword())).last().asString()
            .startsWith("a1 OK");
        return imap;
    }
}
