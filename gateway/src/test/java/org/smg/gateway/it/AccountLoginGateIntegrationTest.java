package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IMAP and SMTP logins of the demo citizen with the right password, as its account is suspended,
 * reactivated and opted out over WebAdmin: refused with the account's reason (and the session stays
 * unauthenticated), open sessions (IMAP IDLE, authenticated SMTP) ended within 5 s, a wrong password
 * answered as always, every login in the audit trail and no password in it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLoginGateIntegrationTest {
    private static final Duration END_LIMIT = Duration.ofSeconds(5);
    private static final String SUSPENDED = "This secure inbox is suspended; contact the office that invited you";
    private static final String OPTED_OUT = "This secure inbox was closed at your request (opted out); you receive paper correspondence";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    @Order(1)
    void openSessionsShouldEndWithinFiveSecondsWhenTheAccountIsSuspended() throws Exception {
        assertOpenSessionsEndWithinFiveSecondsAfter("suspend");
    }

    @Test
    @Order(2)
    void imapLoginShouldBeRefusedWithAuthorizationFailedAndStayUnauthenticatedWhenTheAccountIsSuspended() throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            List<String> login = imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(gateway.demoPassword()));
            List<String> select = imap.command("a2", "SELECT INBOX");

            assertThat(login).last().isEqualTo("a1 NO [AUTHORIZATIONFAILED] " + SUSPENDED);
            assertThat(select).last().isEqualTo("a2 NO SELECT failed. Command not valid in this state.");
        }
    }

    @Test
    @Order(3)
    void imapAuthenticateShouldBeRefusedWithAuthorizationFailedWithAndWithoutInitialResponseWhenTheAccountIsSuspended() throws Exception {
        String plain = plain(gateway.demoAddress(), gateway.demoPassword());
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            List<String> initialResponse = imap.command("a1", "AUTHENTICATE PLAIN " + plain);
            imap.send("a2 AUTHENTICATE PLAIN\r\n");
            String continuation = imap.readLine();
            imap.send(plain + "\r\n");
            List<String> continued = imap.linesUntilTagged("a2");
            List<String> select = imap.command("a3", "SELECT INBOX");

            assertThat(initialResponse).last().isEqualTo("a1 NO [AUTHORIZATIONFAILED] " + SUSPENDED);
            assertThat(continuation).startsWith("+");
            assertThat(continued).last().isEqualTo("a2 NO [AUTHORIZATIONFAILED] " + SUSPENDED);
            assertThat(select).last().isEqualTo("a3 NO SELECT failed. Command not valid in this state.");
        }
    }

    @Test
    @Order(4)
    void smtpAuthShouldBeRefusedWith535AndStayUnauthenticatedWhenTheAccountIsSuspended() throws Exception {
        try (SmtpConversation smtp = tlsSubmission()) {
            String plain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String login = smtp.authLogin(gateway.demoAddress(), gateway.demoPassword());
            String mail = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");

            assertThat(plain).isEqualTo("535 5.7.8 " + SUSPENDED);
            assertThat(login).isEqualTo("535 5.7.8 " + SUSPENDED);
            assertThat(mail).startsWith("530");
        }
    }

    @Test
    @Order(5)
    void wrongPasswordShouldKeepTheUsualAnswersWhenTheAccountIsSuspended() throws Exception {
        String wrong = "wrong-" + UUID.randomUUID();
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort()); SmtpConversation smtp = tlsSubmission()) {
            List<String> login = imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(wrong));
            String auth = smtp.authPlain(gateway.demoAddress(), wrong);

            assertThat(login).last().isEqualTo("a1 NO LOGIN failed. Invalid login/password.");
            assertThat(auth).isEqualTo("535 5.7.8 Authentication credentials invalid");
        }
    }

    @Test
    @Order(6)
    void loginsShouldWorkAgainWhenTheAccountIsReactivated() throws Exception {
        assertThat(post("reactivate").statusCode()).isEqualTo(200);

        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort()); SmtpConversation smtp = tlsSubmission()) {
            List<String> login = imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(gateway.demoPassword()));
            List<String> select = imap.command("a2", "SELECT INBOX");
            String auth = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());

            assertThat(login).last().asString().startsWith("a1 OK");
            assertThat(select).last().asString().startsWith("a2 OK");
            assertThat(auth).startsWith("235");
        }
    }

    @Test
    @Order(7)
    void openSessionsShouldEndAndLoginsBeRefusedWhenTheCitizenOptsOut() throws Exception {
        assertOpenSessionsEndWithinFiveSecondsAfter("opt-out");
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort()); SmtpConversation smtp = tlsSubmission()) {
            List<String> login = imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(gateway.demoPassword()));
            String auth = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());

            assertThat(login).last().isEqualTo("a1 NO [AUTHORIZATIONFAILED] " + OPTED_OUT);
            assertThat(auth).isEqualTo("535 5.7.8 " + OPTED_OUT);
        }
    }

    @Test
    @Order(8)
    void auditExportShouldHoldTheImapAndSmtpLoginsButNeverThePassword() throws Exception {
        HttpResponse<String> export = WebAdmin.call(gateway, "GET", "/audit", null);

        List<String> logins = export.body().lines().filter(line -> line.contains("\"action\":\"LOGIN_")).toList();
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(logins)
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_SUCCEEDED\"", "protocol=imap client=127.0.0.1"))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_SUCCEEDED\"", "protocol=smtp client=127.0.0.1"))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_FAILED\"", "\"outcome\":\"failed\"", "protocol=imap"))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_FAILED\"", "\"outcome\":\"failed\"", "protocol=smtp"))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_FAILED\"", "\"outcome\":\"refused-suspended\"", "protocol=imap"))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"LOGIN_FAILED\"", "\"outcome\":\"refused-opted-out\"", "protocol=smtp"));
        assertThat(export.body()).doesNotContain(gateway.demoPassword());
    }

    /** Opens an idling IMAP and an authenticated SMTP session of the demo citizen, changes its state, and checks both end in time. */
    private static void assertOpenSessionsEndWithinFiveSecondsAfter(String action) throws Exception {
        try (ImapConversation idling = idlingImapSession(); SmtpConversation smtp = authenticatedSmtpSession()) {
            Instant start = Instant.now();

            assertThat(post(action).statusCode()).isEqualTo(200);

            List<String> imapLast = idling.linesUntilClosed();
            Duration imapEnded = Duration.between(start, Instant.now());
            String smtpLast = smtp.reply();
            Duration smtpEnded = Duration.between(start, Instant.now());
            assertThat(imapLast).anySatisfy(line -> assertThat(line).startsWith("* BYE"));
            assertThat(imapEnded).isLessThan(END_LIMIT);
            assertThat(smtpLast).startsWith("421 4.7.0");
            assertThat(smtp.reply()).isNull();
            assertThat(smtpEnded).isLessThan(END_LIMIT);
        }
    }

    private static ImapConversation idlingImapSession() throws IOException {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(gateway.demoPassword())))
            .last().asString().startsWith("a1 OK");
        assertThat(imap.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");
        imap.send("a3 IDLE\r\n");
        assertThat(imap.readLine()).startsWith("+");
        return imap;
    }

    private static SmtpConversation authenticatedSmtpSession() throws IOException {
        SmtpConversation smtp = tlsSubmission();
        assertThat(smtp.authPlain(gateway.demoAddress(), gateway.demoPassword())).startsWith("235");
        return smtp;
    }

    private static SmtpConversation tlsSubmission() throws IOException {
        SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort());
        smtp.reply();
        smtp.command("EHLO client.test");
        assertThat(smtp.startTls()).startsWith("220");
        smtp.command("EHLO client.test");
        return smtp;
    }

    private static HttpResponse<String> post(String action) throws IOException, InterruptedException {
        return WebAdmin.call(gateway, "POST", "/accounts/" + gateway.demoAddress() + "/" + action, null);
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
