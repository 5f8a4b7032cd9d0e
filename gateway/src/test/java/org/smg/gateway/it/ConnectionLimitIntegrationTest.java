package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * limits.connectionsPerIp caps simultaneous connections from one address. James closes the
 * connection over the limit at once, without a greeting or an SMTP reply.
 */
class ConnectionLimitIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().with("limits.connectionsPerIp", "3");

    @Test
    void fourthConnectionShouldBeClosedWithoutGreetingWhenThreeAreOpenFromSameAddress() throws Exception {
        List<SmtpConversation> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(openGreeted());
            }

            String fourth;
            try (SmtpConversation extra = SmtpConversation.open(gateway.submissionPort())) {
                fourth = extra.reply();
            }
            List<String> ehloReplies = new ArrayList<>();
            for (SmtpConversation smtp : open) {
                ehloReplies.add(smtp.command("EHLO laptop"));
            }

            assertThat(fourth).as("reply on the fourth connection").isNull();
            assertThat(ehloReplies).allSatisfy(reply -> assertThat(reply).startsWith("250"));
        } finally {
            for (SmtpConversation smtp : open) {
                smtp.close();
            }
        }
    }

    @Test
    void newConnectionShouldBeGreetedWhenAnEarlierOneHasClosed() throws Exception {
        List<SmtpConversation> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(openGreeted());
            }

            try (SmtpConversation first = open.remove(0)) {
                first.command("QUIT");
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (SmtpConversation replacement = SmtpConversation.open(gateway.submissionPort())) {
                    assertThat(replacement.reply()).startsWith("220 ");
                }
            });
        } finally {
            for (SmtpConversation smtp : open) {
                smtp.close();
            }
        }
    }

    /**
     * A submission connection that got its 220 greeting. Retries while connections of an earlier
     * test are still counted by the gateway (it releases them asynchronously after they close).
     */
    private static SmtpConversation openGreeted() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort());
            String greeting = smtp.reply();
            if (greeting != null && greeting.startsWith("220 ")) {
                return smtp;
            }
            smtp.close();
            return null;
        }, Objects::nonNull);
    }
}
