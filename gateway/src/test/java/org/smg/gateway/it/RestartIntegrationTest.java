package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.mail.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What was stored before an orderly stop (SIGTERM) is all there after a restart on the same root.
 * The mailbox is the demo citizen's: mail and logins need an active account with the terms accepted.
 */
class RestartIntegrationTest {

    @TempDir
    Path root;

    @Test
    void userAndDeliveredMailShouldSurviveWhenGatewayIsStoppedAndStartedAgain() throws Exception {
        String subject = "restart " + UUID.randomUUID();
        String body = "body line one " + UUID.randomUUID() + "\r\nbody line two\r\n";
        GatewayProcess gateway = GatewayProcess.in(root).start();
        List<String> before;
        try {
            String user = gateway.demoAddress();
            try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
                smtp.reply();
                smtp.command("EHLO staff-mta.test");
                assertThat(smtp.mail("sender@staff.example", user, message(user, subject, body))).startsWith("250");
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> readInbox(gateway).stream().anyMatch(message -> message.startsWith(subject + "\n")));
            before = readInbox(gateway);
        } finally {
            gateway.stop();
        }

        gateway.start();
        List<String> after;
        try {
            after = readInbox(gateway);
        } finally {
            gateway.stop();
        }

        assertThat(before).filteredOn(message -> message.startsWith(subject + "\n")).singleElement()
            .satisfies(message -> assertThat(message).contains(body));
        assertThat(after).containsExactlyElementsOf(before);
    }

    private static String message(String to, String subject, String body) {
        return "From: sender@staff.example\r\n"
            + "To: " + to + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@staff.test>\r\n"
            + "\r\n"
            + body;
    }

    /** Logs in over IMAPS and returns "subject\ncontent" of every INBOX message. */
    private static List<String> readInbox(GatewayProcess gateway) throws Exception {
        return MailClients.readInbox(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword(), inbox -> {
            List<String> messages = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                messages.add(message.getSubject() + "\n" + message.getContent());
            }
            return messages;
        });
    }
}
