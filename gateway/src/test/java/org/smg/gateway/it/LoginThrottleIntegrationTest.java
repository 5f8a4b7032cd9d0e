package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Repeated wrong passwords are slowed down and logged by account only; the right password still works. */
class LoginThrottleIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
            .with("limits.auth.failuresBeforeDelay", "2")
            .with("limits.auth.maxDelay", "2s")
            ;

    @Test
    void failedLoginsShouldBeDelayedWhenFailuresExceedTheThreshold() throws Exception {
        assertThat(login(gateway.demoPassword())).as("a success clears earlier failures").startsWith("a1 OK");

        List<Duration> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            failures.add(timedFailedLogin("wrong-" + UUID.randomUUID()));
        }
        String loginAfterwards = login(gateway.demoPassword());

        Duration capped = failures.get(4);
        assertThat(failures.get(2)).as("third failure").isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(failures.get(3)).as("fourth failure").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(capped).as("fifth failure, at limits.auth.maxDelay").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(failures.subList(0, 2)).as("first two failures, not delayed").allSatisfy(fast ->
            assertThat(fast).isLessThan(capped.minusSeconds(1)));
        assertThat(loginAfterwards).startsWith("a1 OK");
    }

    @Test
    void failedLoginShouldBeLoggedWithAccountButNeverWithPassword() throws Exception {
        String wrongPassword = "Wrong-" + UUID.randomUUID();

        String reply = login(wrongPassword);

        assertThat(reply).startsWith("a1 NO");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(gateway.output()).contains("Authentication failed for account " + gateway.demoAddress()));
        assertThat(gateway.output()).doesNotContain(wrongPassword);
        assertThat(login(gateway.demoPassword())).startsWith("a1 OK");
    }

    /** AUTHENTICATE without an initial response ends outside James's processor chain; the gate lets it through. */
    @Test
    void authenticateWithAContinuationLineShouldLogInThroughTheGate() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
            ("\0" + gateway.demoAddress() + "\0" + gateway.demoPassword()).getBytes(StandardCharsets.UTF_8));
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.send("a1 AUTHENTICATE PLAIN\r\n");
            assertThat(imap.readLine()).startsWith("+");

            imap.send(credentials + "\r\n");
            List<String> authenticated = imap.linesUntilTagged("a1");
            List<String> selected = imap.command("a2", "SELECT INBOX");

            assertThat(authenticated).last().asString().startsWith("a1 OK");
            assertThat(selected).last().asString().startsWith("a2 OK");
        }
    }

    /** Time from sending LOGIN to its tagged reply, the TLS handshake excluded. */
    private static Duration timedFailedLogin(String wrongPassword) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            long started = System.nanoTime();
            List<String> reply = imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + wrongPassword);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply).last().asString().startsWith("a1 NO");
            return elapsed;
        }
    }

    /** The tagged reply to LOGIN over IMAPS. */
    private static String login(String password) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            List<String> reply = imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + password);
            return reply.get(reply.size() - 1);
        }
    }
}
