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

/** What was stored before an orderly stop (SIGTERM) is all there after a restart on the same root. */
class RestartIntegrationTest {
    @TempDir
    Path root;

    @Test
    void userAndDeliveredMailShouldSurviveWhenGatewayIsStoppedAndStartedAgain() throws Exception {
        String subject = "restart " + UUID.randomUUID();
        String body = "body line one " + UUID.randomUUID() + "\r\nbody line two\r\n";
        GatewayProcess gateway = GatewayProcess.in(root).start();
        // The demo citizen: accounts are made by invitation only, and it is the one the gateway makes itself.
        String user = gateway.demoAddress();
        String password = gateway.demoPassword();
        List<String> before;
        try {
            try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
                smtp.reply();
                smtp.command("EHLO staff-mta.test");
                assertThat(smtp.mail("sender@staff.test", user, message(user, subject, body))).startsWith("250");
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> readInbox(gateway, user, password, subject).size() == 1);
            before = readInbox(gateway, user, password, subject);
        } finally {
            gateway.stop();
        }

        gateway.start();
        List<String> after;
        try {
            after = readInbox(gateway, user, password, subject);
        } finally {
            gateway.stop();
        }

        assertThat(before).hasSize(1);
        assertThat(before.get(0)).startsWith(subject + "\n").contains(body);
        assertThat(after).containsExactlyElementsOf(before);
    }

    private static String message(String user, String subject, String body) {
        return "From: sender@staff.test\r\n"
            + "To: " + user + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@staff.test>\r\n"
            + "\r\n"
            + body;
    }

    /** Logs in over IMAPS and returns "subject\ncontent" of every INBOX message with this subject (not the welcome message). */
    private static List<String> readInbox(GatewayProcess gateway, String user, String password, String subject) throws Exception {
        return MailClients.readInbox(gateway.imapsPort(), user, password, inbox -> {
            List<String> messages = new java.util.ArrayList<>();
            for (Message message : inbox.getMessages()) {
                if (!subject.equals(message.getSubject())) {
                    continue;
                }
                messages.add(message.getSubject() + "\n" + message.getContent());
            }
            return messages;
        });
    }
}
