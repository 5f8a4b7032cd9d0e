package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A one-off maintenance window written while the gateway runs (maintenance.yaml, then {@code POST
 * /policies/reload}), starting a few seconds later and lasting 20 s: the open IMAP session gets {@code * BYE
 * [UNAVAILABLE]} at the start; during the window IMAP logins get {@code NO [UNAVAILABLE]}, submission AUTH gets
 * {@code 421 4.3.2}, web pages a 503 with Retry-After (the style sheet still loads), each naming the end in the
 * service's zone and in UTC; the staff relay still accepts mail, which the citizen reads once the window is over.
 *
 * <p>The tests run in order, against one window; the last waits for its end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceWindowIntegrationTest {
    @RegisterExtension
    static final GatewayProcess GATEWAY = GatewayProcess.perTestClass();

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Duration LEAD = Duration.ofSeconds(5);
    private static final Duration LENGTH = Duration.ofSeconds(20);
    private static final String RELAYED_SUBJECT = "relayed during maintenance " + UUID.randomUUID();

    private static ImapConversation openSession;
    private static Instant start;
    private static Instant end;
    private static String until;

    @BeforeAll
    static void loginThenWriteAWindowStartingSoon() throws Exception {
        openSession = ImapConversation.openTls(GATEWAY.imapsPort());
        List<String> login = openSession.command("s1", "LOGIN \"" + GATEWAY.demoAddress() + "\" \"" + GATEWAY.demoPassword() + "\"");
        assertThat(login).last().asString().startsWith("s1 OK");

        start = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        end = start.plus(LENGTH);
        until = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.atZone(ZONE)) + " America/New_York ("
            + DateTimeFormatter.ISO_INSTANT.format(end) + ")";
        // A weekly window far from now gives the service's zone, which the one-off window's end is shown in too.
        DayOfWeek otherDay = Instant.now().atZone(ZONE).getDayOfWeek().plus(3);
        Files.writeString(GATEWAY.root().resolve("conf/policies/maintenance.yaml"), "weekly:\n"
            + "  - days: [" + otherDay.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT) + "]\n"
            + "    start: \"03:00\"\n    end: \"04:00\"\n    zone: America/New_York\n"
            + "once:\n  - start: " + start + "\n    end: " + end + "\n", StandardCharsets.UTF_8);
        HttpResponse<String> reload = WebAdmin.call(GATEWAY, "POST", "/policies/reload", null);
        assertThat(reload.body()).isEqualTo("{\"applied\":true}");
    }

    @AfterAll
    static void closeSession() throws Exception {
        openSession.close();
    }

    @Test
    @Order(1)
    void openImapSessionShouldGetByeWithTheEndWhenTheWindowStarts() throws Exception {
        List<String> lines = openSession.linesUntilClosed();
        Instant closed = Instant.now();

        assertThat(lines).containsExactly("* BYE [UNAVAILABLE] Maintenance has begun; the service is back at " + until);
        assertThat(closed).isAfter(start.minusMillis(500));
    }

    @Test
    @Order(2)
    void imapLoginAndAuthenticateShouldBeRefusedAsUnavailableDuringTheWindow() throws Exception {
        awaitStart();
        String plain = Base64.getEncoder().encodeToString(("\0" + GATEWAY.demoAddress() + "\0" + GATEWAY.demoPassword())
            .getBytes(StandardCharsets.UTF_8));
        try (ImapConversation imap = ImapConversation.openTls(GATEWAY.imapsPort())) {

            List<String> login = imap.command("a1", "LOGIN \"" + GATEWAY.demoAddress() + "\" \"" + GATEWAY.demoPassword() + "\"");
            List<String> authenticate = imap.command("a2", "AUTHENTICATE PLAIN " + plain);

            String refusal = "NO [UNAVAILABLE] Down for maintenance until " + until + "; try again then";
            assertThat(login).containsExactly("a1 " + refusal);
            assertThat(authenticate).containsExactly("a2 " + refusal);
        }
    }

    @Test
    @Order(3)
    void submissionAuthShouldGet421AndTheConnectionClosedDuringTheWindow() throws Exception {
        awaitStart();
        try (SmtpConversation smtp = SmtpConversation.open(GATEWAY.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.example");
            smtp.startTls();
            smtp.command("EHLO client.example");

            String auth = smtp.authPlain(GATEWAY.demoAddress(), GATEWAY.demoPassword());
            String afterwards = smtp.reply();

            assertThat(auth).isEqualTo("421 4.3.2 Down for maintenance until " + until + "; try again then");
            assertThat(afterwards).as("connection closed by the gateway").isNull();
        }
    }

    @Test
    @Order(4)
    void webPagesShouldAnswer503WithTheEndButServeTheStyleSheetDuringTheWindow() throws Exception {
        awaitStart();
        Browser browser = new Browser(GATEWAY);

        HttpResponse<String> home = browser.get("/");
        HttpResponse<String> signIn = browser.get("/signin");
        HttpResponse<String> styleSheet = browser.get("/static/site.css");

        assertThat(home.statusCode()).isEqualTo(503);
        assertThat(Long.parseLong(home.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, LENGTH.toSeconds());
        assertThat(Browser.text(home)).contains("down for maintenance until " + until);
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(styleSheet.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void relayPortShouldAcceptMailDuringTheWindow() throws Exception {
        awaitStart();
        try (SmtpConversation smtp = SmtpConversation.open(GATEWAY.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            smtp.command("MAIL FROM:<clerk@staff.example>");
            smtp.command("RCPT TO:<" + GATEWAY.demoAddress() + ">");
            smtp.command("DATA");

            String accepted = smtp.command("From: clerk@staff.example\r\nSubject: " + RELAYED_SUBJECT + "\r\n\r\nYour case file.\r\n.");
            Instant acceptedAt = Instant.now();

            assertThat(accepted).startsWith("250 ");
            assertThat(acceptedAt).isBefore(end);
        }
    }

    @Test
    @Order(6)
    void relayedMailShouldBeInTheInboxWhenTheWindowHasEnded() {
        await().atMost(LEAD.plus(LENGTH).plusSeconds(10)).until(() -> Instant.now().isAfter(end));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inboxSubjects(GATEWAY.imapsPort(), GATEWAY.demoAddress(), GATEWAY.demoPassword()))
                .contains(RELAYED_SUBJECT));
    }

    private static void awaitStart() {
        await().atMost(LEAD.plusSeconds(10)).until(() -> !Instant.now().isBefore(start));
    }
}
