package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User names with CR LF and a fake log line in them: the gateway logs them on the line they belong
 * to, escaped, and no forged line appears in its output. (HELO names reach no log line at the
 * configured levels; the same converter escapes them when they do, see EscapingLayoutTest.)
 */
class LogForgingIntegrationTest {
    /** Lower case: the gateway logs account names lower-cased. */
    private static final String FAKE_LINE = "12:00:00.000 info  forged - authentication succeeded for account admin";
    private static final String FORGED_NAME = "mallory\r\n" + FAKE_LINE;

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void smtpAuthShouldLogAUserNameWithCrLfOnOneEscapedLine() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.openFrom("127.0.0.1", gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.example");
            smtp.startTls();
            smtp.command("EHLO client.example");

            String reply = smtp.authPlain(FORGED_NAME, "wrong");

            assertThat(reply).startsWith("535 5.7.8");
        }
        assertLoggedEscapedAndNotForged();
    }

    @Test
    void imapLoginShouldLogAUserNameWithCrLfOnOneEscapedLine() throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.send("a1 LOGIN {" + FORGED_NAME.length() + "}\r\n");
            assertThat(imap.readLine()).startsWith("+");

            imap.send(FORGED_NAME + " wrong\r\n");
            List<String> reply = imap.linesUntilTagged("a1");

            assertThat(reply).last().asString().startsWith("a1 NO");
        }
        assertLoggedEscapedAndNotForged();
    }

    private static void assertLoggedEscapedAndNotForged() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(gateway.output()).contains("Authentication failed for account mallory\\r\\n" + FAKE_LINE));
        assertThat(gateway.output().lines())
            .noneMatch(line -> line.startsWith(FAKE_LINE));
    }
}
