package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A representative reaches a citizen's mailbox with their own password under a consent: as
 * {@code <citizen>*<representative>} with a real IMAP client, and with AUTHENTICATE PLAIN and an
 * authorization identity; a revocation or the consent's end ends an open session at its next command
 * and refuses new logins; without a consent the right password is answered like a wrong one.
 */
class DelegatedAccessIntegrationTest {
    private static final String PASSWORD = "representative passphrase 77";
    private static final String WELCOME_SUBJECT = "Welcome to Energy Credits Online secure messaging";
    private static final String WRONG_PASSWORD_ANSWER = "NO LOGIN failed. Invalid login/password.";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void representativeShouldReadCitizenInboxWithOwnPasswordWhenConsentIsValid() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read-reply", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        String authzid = Base64.getEncoder().encodeToString((citizen + "\0" + representative + "\0" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));

        List<String> subjects = MailClients.inboxSubjects(gateway.imapsPort(), citizen + "*" + representative, PASSWORD);
        List<String> authenticate;
        List<String> select;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            authenticate = imap.command("a1", "AUTHENTICATE PLAIN " + authzid);
            select = imap.command("a2", "EXAMINE INBOX");
        }

        assertThat(subjects).contains(WELCOME_SUBJECT);
        assertThat(authenticate).last().asString().startsWith("a1 OK");
        assertThat(select).anyMatch(line -> line.matches("\\* [1-9][0-9]* EXISTS")).last().asString().startsWith("a2 OK");
    }

    @Test
    void revocationShouldEndOpenSessionAtNextCommandAndRefuseNewLogin() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        long id = consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));

        List<String> login;
        List<String> afterRevocation;
        HttpResponse<String> revoked;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            login = imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "SELECT INBOX");
            revoked = WebAdmin.call(gateway, "DELETE", "/consents/" + id, null);
            afterRevocation = imap.command("a3", "NOOP");
        }
        List<String> again = delegatedLogin(citizen, representative, PASSWORD);

        assertThat(login).last().asString().startsWith("a1 OK");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertThat(afterRevocation).first().asString().startsWith("* BYE").contains("consent");
        assertThat(afterRevocation).noneMatch(line -> line.startsWith("a3 OK"));
        assertThat(again).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
    }

    @Test
    void consentEndShouldEndAccessWithoutRestart() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        Instant end = Instant.now().plusSeconds(4);
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), end);

        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            List<String> login = imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + PASSWORD + "\"");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> delegatedLogin(citizen, representative, PASSWORD).get(0).startsWith("a1 NO"));
            List<String> afterEnd = imap.command("a2", "NOOP");

            assertThat(login).last().asString().startsWith("a1 OK");
            assertThat(Instant.now()).isAfterOrEqualTo(end);
            assertThat(afterEnd).first().asString().startsWith("* BYE");
        }
    }

    @Test
    void loginWithoutConsentShouldBeAnsweredLikeWrongPassword() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");

        List<String> noConsent = delegatedLogin(citizen, representative, PASSWORD);
        List<String> wrongPassword = delegatedLogin(citizen, representative, "not the password at all");

        assertThat(noConsent).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
        assertThat(wrongPassword).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
    }

    @Test
    void recordingShouldAnswerClearErrorsWhenRequestIsWrong() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");

        HttpResponse<String> form = WebAdmin.call(gateway, "POST", "/consents", body("9999", citizen, representative, "read",
            "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        HttpResponse<String> order = WebAdmin.call(gateway, "POST", "/consents", body("2848", citizen, representative, "read",
            "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        HttpResponse<String> scope = WebAdmin.call(gateway, "POST", "/consents", body("2848", citizen, representative, "write",
            "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        HttpResponse<String> unknown = WebAdmin.call(gateway, "POST", "/consents", body("2848", citizen, "nobody@example.org", "read",
            "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        HttpResponse<String> missing = WebAdmin.call(gateway, "DELETE", "/consents/987654", null);
        HttpResponse<String> listed = WebAdmin.call(gateway, "GET", "/consents?account=" + citizen, null);

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("'form' must be one of 2848, 15314");
        assertThat(order.statusCode()).isEqualTo(400);
        assertThat(order.body()).contains("'end'").contains("must be after 'start'");
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(scope.body()).contains("'scope' must be read or read-reply");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no account 'nobody@example.org'");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(listed.statusCode()).isEqualTo(200);
    }

    private static List<String> delegatedLogin(String citizen, String representative, String password) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            return imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + password + "\"");
        }
    }

    private static long consent(String citizen, String representative, String scope, Instant start, Instant end) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/consents", body("2848", citizen, representative, scope, start.toString()
            .replace("Z", "+00:00"), end.toString().replace("Z", "+00:00")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static String body(String form, String citizen, String representative, String scope, String start, String end) {
        return "{\"form\":\"" + form + "\",\"representative\":\"" + representative + "\",\"citizen\":\"" + citizen
            + "\",\"scope\":\"" + scope + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    /** An enrolled account (invited, registered, terms accepted, the welcome message in its INBOX); a representative has one of their own. */
    private static String registered(String role) throws Exception {
        int person = PEOPLE.incrementAndGet();
        HttpResponse<String> invited = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"" + role + person + "@example.net\",\"name\":\"Person Number" + person + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String path = Browser.pathOf(field(invited.body(), "link"));
        Browser browser = new Browser(gateway);
        browser.get(path);
        assertThat(browser.submit(path, "password", PASSWORD, "confirm", PASSWORD).statusCode()).isEqualTo(303);
        browser.get("/terms");
        assertThat(browser.submit("/terms", "decision", "accept").statusCode()).isEqualTo(303);
        return field(invited.body(), "address");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }
}
