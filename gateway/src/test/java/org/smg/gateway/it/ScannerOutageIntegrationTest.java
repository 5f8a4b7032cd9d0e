package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smg.gateway.attachments.SampleFiles;
import org.smg.gateway.scanner.ManagedClamd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scanner fails closed without losing mail: with clamd stopped, a message is accepted but neither delivered
 * nor refused; it waits in the queue (counted at {@code GET /scanner}, {@code clamd} unhealthy in
 * {@code GET /healthcheck}) and, once clamd is back, is scanned and delivered without anyone resending it. A
 * virus found after acceptance is quarantined and returned to the sender in a DSN naming the file.
 * The gateway uses a clamd of this test's (scanner.clamd=unix:...), which the test stops and starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScannerOutageIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELD = "var/mail/outbound-held";
    private static final Path CLAMD_HOME = temporaryDirectory();
    private static ManagedClamd clamd;

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
        .with("scanner.clamd", "unix:" + CLAMD_HOME.resolve("clamd/clamd.sock"))
        .with("scanner.timeout", "2s")
        .with("scanner.retryDelay", "1s");

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(CLAMD_HOME)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void messageShouldWaitAndThenBeDeliveredWhenClamdComesBack() throws Exception {
        String subject = "waiting " + UUID.randomUUID();

        String reply = SmtpSend.relay(gateway, AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), subject)
            .attach("statement.pdf", SampleFiles.cleanPdf()));

        assertThat(reply).startsWith("250");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(scanner().path("waiting").asLong()).isEqualTo(1));
        assertThat(scanner().path("clamd").asText()).isEqualTo("unhealthy");
        assertThat(WebAdmin.call(gateway, "GET", "/healthcheck/checks/clamd", null).statusCode()).isEqualTo(503);
        assertThat(inbox()).doesNotContain(subject);

        clamd = ManagedClamd.start(CLAMD_HOME, 200L << 20);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(inbox()).contains(subject));
        assertThat(scanner().path("waiting").asLong()).isZero();
        assertThat(scanner().path("clamd").asText()).isEqualTo("healthy");
        assertThat(WebAdmin.call(gateway, "GET", "/audit", null).body())
            .contains("\"action\":\"MAIL_SCANNED\"").contains("\"outcome\":\"waiting\"");
    }

    @Test
    @Order(2)
    void virusFoundAfterAcceptanceShouldBeQuarantinedAndReturnedInDsnNamingTheFile() throws Exception {
        clamd.close();
        String subject = "infected " + UUID.randomUUID();
        String sender = "clerk-" + UUID.randomUUID() + "@staff.example";

        String reply = SmtpSend.relay(gateway, AttachedMessage.from(sender, gateway.demoAddress(), subject)
            .attach("scan.txt", SampleFiles.eicar()));
        clamd = ManagedClamd.start(CLAMD_HOME, 200L << 20);

        assertThat(reply).startsWith("250");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, HELD))
                .anyMatch(mail -> mail.path("recipients").toString().contains(sender)));
        JsonNode dsn = WebAdmin.repositoryMails(gateway, HELD).stream()
            .filter(mail -> mail.path("recipients").toString().contains(sender)).findFirst().orElseThrow();
        String raw = WebAdmin.rawMail(gateway, HELD, dsn.path("name").asText());
        assertThat(raw).contains("Status: 5.7.1").contains("\"scan.txt\"").contains("Smg.Test.Eicar")
            .doesNotContain(subject);
        JsonNode quarantine = JSON.readTree(WebAdmin.call(gateway, "GET", "/quarantine", null).body());
        assertThat(quarantine.toString()).contains("scan.txt").contains("pipeline");
        assertThat(inbox()).doesNotContain(subject);
    }

    private static JsonNode scanner() throws Exception {
        return JSON.readTree(WebAdmin.call(gateway, "GET", "/scanner", null).body());
    }

    private static java.util.List<String> inbox() throws Exception {
        return MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("smg-clamd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
