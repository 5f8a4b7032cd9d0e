package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The citizen web server over real HTTPS: registration from an invitation through the HTML form
 * (CSRF included), the terms, sign-in, the account page, password change and reset, opt-out, and
 * the refusals (links that cannot be used, wrong business identity, forms without their token).
 */
class CitizenWebIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "another long passphrase 42";
    private static final String WELCOME_SUBJECT = "Welcome to Energy Credits Online secure messaging";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    /** An invitation as WebAdmin answers it. */
    record Invited(String id, String path, String address) {
    }

    @Test
    void registrationShouldOpenTheMailboxWithTheWelcomeMessageWhenTermsAreAccepted() throws Exception {
        Invited invited = invite("");
        Browser browser = new Browser(gateway);

        HttpResponse<String> form = browser.get(invited.path());
        HttpResponse<String> registered = browser.submit(invited.path(), "password", PASSWORD, "confirm", PASSWORD);
        HttpResponse<String> terms = browser.get("/terms");
        List<String> loginBeforeTerms = imapLogin(invited.address(), PASSWORD);
        HttpResponse<String> accepted = browser.submit("/terms", "decision", "accept");
        HttpResponse<String> account = browser.get("/account");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Browser.text(form)).contains("at least 5 different characters");
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(registered.headers().firstValue("location")).contains("/terms");
        assertThat(terms.statusCode()).isEqualTo(200);
        assertThat(Browser.text(terms)).contains("Energy Credits Online (ECO), version 1");
        assertThat(loginBeforeTerms).last().asString().startsWith("a1 NO [AUTHORIZATIONFAILED]").contains("/terms");
        assertThat(accepted.headers().firstValue("location")).contains("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Browser.text(account)).contains(invited.address()).contains("port " + gateway.imapsPort() + " with SSL/TLS")
            .contains("port " + gateway.submissionPort() + " with STARTTLS")
            .contains("Where to write").contains("eco-credits@gateway.localhost");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inboxSubjects(gateway.imapsPort(), invited.address(), PASSWORD)).contains(WELCOME_SUBJECT));
    }

    @Test
    void registrationLinkShouldShowUsedPageWhenOpenedAgain() throws Exception {
        Invited invited = registered();

        HttpResponse<String> again = new Browser(gateway).get(invited.path());

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Browser.text(again)).contains("This link has already been used.");
    }

    @Test
    void registrationLinkShouldShowWithdrawnPageWhenRevoked() throws Exception {
        Invited invited = invite("");
        assertThat(WebAdmin.call(gateway, "DELETE", "/invitations/" + invited.id(), null).statusCode()).isEqualTo(204);

        HttpResponse<String> page = new Browser(gateway).get(invited.path());

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(Browser.text(page)).contains("This link has been withdrawn.");
    }

    @Test
    void registrationLinkShouldShowNotValidPageWhenUnknown() throws Exception {

        HttpResponse<String> page = new Browser(gateway).get("/register/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(Browser.text(page)).contains("This link is not valid.");
    }

    @Test
    void businessRegistrationShouldBeRefusedAndThenLockedWhenEinIsWrongFiveTimes() throws Exception {
        Invited invited = invite(",\"ein\":\"12-3456789\",\"entityName\":\"Sunny Roofs LLC\"");
        Browser browser = new Browser(gateway);
        browser.get(invited.path());

        HttpResponse<String> first = browser.submit(invited.path(), "ein", "98-7654321", "entityName", "Sunny Roofs LLC",
            "password", PASSWORD, "confirm", PASSWORD);
        for (int i = 0; i < 3; i++) {
            browser.submit(invited.path(), "ein", "98-7654321", "entityName", "Sunny Roofs LLC", "password", PASSWORD, "confirm", PASSWORD);
        }
        HttpResponse<String> fifth = browser.submit(invited.path(), "ein", "98-7654321", "entityName", "Sunny Roofs LLC",
            "password", PASSWORD, "confirm", PASSWORD);
        HttpResponse<String> later = browser.get(invited.path());

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(Browser.text(first)).contains("does not match the invitation. 4 tries are left");
        assertThat(fifth.statusCode()).isEqualTo(410);
        assertThat(Browser.text(fifth)).contains("This link is locked");
        assertThat(later.statusCode()).isEqualTo(410);
        assertThat(Browser.text(later)).contains("This link is locked");
    }

    @Test
    void businessRegistrationShouldSucceedWhenEinAndNameMatch() throws Exception {
        Invited invited = invite(",\"ein\":\"23-4567890\",\"entityName\":\"Wind Farm Inc\"");
        Browser browser = new Browser(gateway);
        browser.get(invited.path());

        HttpResponse<String> registered = browser.submit(invited.path(), "ein", "23-4567890", "entityName", "Wind Farm Inc",
            "password", PASSWORD, "confirm", PASSWORD);

        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(registered.headers().firstValue("location")).contains("/terms");
    }

    @Test
    void passwordChangeShouldEndTheOtherWebSessionWhenMadeInOne() throws Exception {
        Invited invited = registered();
        Browser changing = signedIn(invited.address(), PASSWORD);
        Browser other = signedIn(invited.address(), PASSWORD);
        assertThat(other.get("/account").statusCode()).isEqualTo(200);
        changing.get("/account");

        HttpResponse<String> changed = changing.submit("/account/password", "current", PASSWORD, "password", NEW_PASSWORD,
            "confirm", NEW_PASSWORD);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Browser.text(changed)).contains("Your password was changed.");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> page = other.get("/account");
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("location")).contains("/signin");
        });
        assertThat(changing.get("/account").statusCode()).isEqualTo(200);
        assertThat(MailClients.inboxCount(gateway.imapsPort(), invited.address(), NEW_PASSWORD)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void passwordChangeShouldEndAnIdlingImapSessionOfTheAccountWithin5Seconds() throws Exception {
        Invited invited = registered();
        Browser changing = signedIn(invited.address(), PASSWORD);
        changing.get("/account");
        List<String> afterChange;
        long elapsedMillis;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            assertThat(imap.command("a1", "LOGIN \"" + invited.address() + "\" \"" + PASSWORD + "\"")).last().asString().startsWith("a1 OK");
            assertThat(imap.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");
            imap.send("a3 IDLE\r\n");
            assertThat(imap.readLine()).startsWith("+");

            long changed = System.nanoTime();
            assertThat(changing.submit("/account/password", "current", PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD)
                .statusCode()).isEqualTo(200);
            afterChange = imap.linesUntilClosed();
            elapsedMillis = (System.nanoTime() - changed) / 1_000_000;
        }

        assertThat(afterChange).anySatisfy(line -> assertThat(line).startsWith("* BYE"));
        assertThat(elapsedMillis).isLessThan(5_000);
        assertThat(imapLogin(invited.address(), NEW_PASSWORD)).last().asString().startsWith("a1 OK");
    }

    @Test
    void passwordChangeShouldBeRefusedWhenCurrentPasswordIsWrong() throws Exception {
        Invited invited = registered();
        Browser browser = signedIn(invited.address(), PASSWORD);
        browser.get("/account");

        HttpResponse<String> refused = browser.submit("/account/password", "current", "not the password at all", "password", NEW_PASSWORD,
            "confirm", NEW_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Browser.text(refused)).contains("The current password is not correct.");
    }

    @Test
    void resetLinkShouldSetThePasswordOnceWhenIssuedByAnAdministrator() throws Exception {
        Invited invited = registered();
        HttpResponse<String> issued = WebAdmin.call(gateway, "POST", "/accounts/" + invited.address() + "/password-reset", null);
        String path = Browser.pathOf(Enrolment.field(issued.body(), "link"));
        Browser browser = new Browser(gateway);

        HttpResponse<String> form = browser.get(path);
        HttpResponse<String> reset = browser.submit(path, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD);
        HttpResponse<String> again = new Browser(gateway).get(path);

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(Browser.text(reset)).contains("Your new password is set");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Browser.text(again)).contains("This link has already been used.");
        assertThat(signedIn(invited.address(), NEW_PASSWORD).get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void signInShouldShowTheFormAgainWhenPasswordIsWrong() throws Exception {
        Invited invited = registered();
        Browser browser = new Browser(gateway);
        browser.get("/signin");

        HttpResponse<String> refused = browser.submit("/signin", "address", invited.address(), "password", "wrong password entirely");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Browser.text(refused)).contains("The address or password is not correct.");
        assertThat(browser.get("/account").headers().firstValue("location")).contains("/signin");
    }

    @Test
    void signInShouldBeAuditedWithProtocolWebWhenItFailsAndWhenItSucceeds() throws Exception {
        Invited invited = registered();
        Browser browser = new Browser(gateway);
        browser.get("/signin");

        browser.submit("/signin", "address", invited.address(), "password", "wrong password entirely");
        signedIn(invited.address(), PASSWORD);
        String audit = WebAdmin.call(gateway, "GET", "/audit", null).body();

        assertThat(audit.lines().filter(line -> line.contains(invited.address()) && line.contains("protocol=web")))
            .anySatisfy(line -> assertThat(line).contains("LOGIN_FAILED"))
            .anySatisfy(line -> assertThat(line).contains("LOGIN_SUCCEEDED"))
            .allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD).doesNotContain("wrong password entirely"));
    }

    @Test
    void signInShouldGoToTermsWhenTheyAreNotAcceptedYet() throws Exception {
        Invited invited = invite("");
        Browser registering = new Browser(gateway);
        registering.get(invited.path());
        registering.submit(invited.path(), "password", PASSWORD, "confirm", PASSWORD);
        Browser browser = new Browser(gateway);
        browser.get("/signin");

        HttpResponse<String> signed = browser.submit("/signin", "address", invited.address(), "password", PASSWORD);
        HttpResponse<String> account = browser.get("/account");

        assertThat(signed.headers().firstValue("location")).contains("/terms");
        assertThat(account.headers().firstValue("location")).contains("/terms");
    }

    @Test
    void declineShouldSignOutAndSayThereIsNoAccessUntilAccepted() throws Exception {
        Invited invited = invite("");
        Browser browser = new Browser(gateway);
        browser.get(invited.path());
        browser.submit(invited.path(), "password", PASSWORD, "confirm", PASSWORD);
        browser.get("/terms");

        HttpResponse<String> declined = browser.submit("/terms", "decision", "decline");
        HttpResponse<String> account = browser.get("/account");

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(Browser.text(declined)).contains("Until you accept them you have no access to your secure inbox").contains("opt out");
        assertThat(account.headers().firstValue("location")).contains("/signin");
    }

    @Test
    void optOutShouldCloseTheAccountAfterConfirmation() throws Exception {
        Invited invited = registered();
        Browser browser = signedIn(invited.address(), PASSWORD);

        HttpResponse<String> confirmation = browser.get("/account/opt-out");
        HttpResponse<String> optedOut = browser.submit("/account/opt-out", "confirm", "yes");
        Browser later = new Browser(gateway);
        later.get("/signin");
        HttpResponse<String> signIn = later.submit("/signin", "address", invited.address(), "password", PASSWORD);

        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(Browser.text(confirmation)).contains("Yes, opt out");
        assertThat(optedOut.statusCode()).isEqualTo(200);
        assertThat(Browser.text(optedOut)).contains("Your secure inbox is closed");
        assertThat(browser.get("/account").headers().firstValue("location")).contains("/signin");
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(Browser.text(signIn)).contains("opted out");
    }

    @Test
    void signOutShouldEndTheSessionOnTheServerOnlyWhenPostedWithItsToken() throws Exception {
        Invited invited = registered();
        Browser browser = signedIn(invited.address(), PASSWORD);

        HttpResponse<String> confirmation = browser.get("/signout");
        HttpResponse<String> withoutToken = browser.post("/signout", Map.of());
        HttpResponse<String> afterGet = browser.get("/account");
        String copied = browser.cookie("__Host-smg");
        HttpResponse<String> signedOut = browser.submit("/signout");
        browser.cookie("__Host-smg", copied);
        HttpResponse<String> replayed = browser.get("/account");

        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(Browser.text(confirmation)).contains("Sign out of your secure inbox on this device?");
        assertThat(afterGet.statusCode()).isEqualTo(200);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("location")).contains("/signin");
        assertThat(signedOut.headers().firstValue("set-cookie")).hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=0"));
        assertThat(replayed.statusCode()).isEqualTo(303);
        assertThat(replayed.headers().firstValue("location")).contains("/signin");
    }

    @Test
    void formShouldBeRefusedWith403WhenCsrfTokenIsMissingOrWrong() throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        String token = browser.csrf();

        HttpResponse<String> missing = browser.post("/signin", Map.of("address", "x@example.org", "password", "whatever it is"));
        HttpResponse<String> wrong = browser.post("/signin", Map.of("csrf", "A".repeat(43), "address", "x@example.org", "password", "whatever"));
        browser.forgetCookies();
        HttpResponse<String> noSession = browser.post("/signin", Map.of("csrf", token, "address", "x@example.org", "password", "whatever"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(Browser.text(missing)).contains("security token is missing or out of date");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(noSession.statusCode()).isEqualTo(403);
    }

    @Test
    void everyResponseShouldCarryTheSecurityHeadersAndTheCookieItsAttributes() throws Exception {
        Browser browser = new Browser(gateway);

        HttpResponse<String> signIn = browser.get("/signin");
        HttpResponse<String> missing = browser.get("/no/such/page");
        HttpResponse<String> wrongMethod = browser.send("DELETE", "/signin", HttpRequest.BodyPublishers.noBody());

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        for (HttpResponse<String> response : new HttpResponse[] {signIn, missing, wrongMethod}) {
            assertThat(response.headers().firstValue("content-security-policy")).contains(
                "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(response.headers().firstValue("strict-transport-security")).contains("max-age=31536000");
            assertThat(response.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(response.headers().firstValue("referrer-policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("cache-control")).contains("no-store");
        }
        assertThat(signIn.headers().firstValue("set-cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
            .startsWith("__Host-smg=").contains("; Path=/").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict"));
        assertThat(signIn.body()).doesNotContain("<script").doesNotContain("style=\"").doesNotContain("http://");
    }

    @Test
    void formShouldBeRefusedWith413WhenBodyIsLargerThan16KiB() throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");

        String token = browser.csrf();
        byte[] large = ("csrf=" + token + "&address=" + "x".repeat(17 * 1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        HttpResponse<String> declared = browser.submit("/signin", "address", "x".repeat(17 * 1024), "password", "whatever");
        HttpResponse<String> chunked = browser.send("POST", "/signin",
            HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)), "application/x-www-form-urlencoded");

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(Browser.text(chunked)).contains("The form is larger than 16 KiB.");
    }

    // ------------------------------------------------------------------ helpers

    private static Invited invite(String business) throws Exception {
        int person = PEOPLE.incrementAndGet();
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"citizen" + person + "@example.net\",\"name\":\"Citizen Number" + person + "\"" + business + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Invited(Enrolment.field(response.body(), "id"), Browser.pathOf(Enrolment.field(response.body(), "link")), Enrolment.field(response.body(), "address"));
    }

    /** A citizen who registered and accepted the terms. */
    private static Invited registered() throws Exception {
        Invited invited = invite("");
        Browser browser = new Browser(gateway);
        browser.get(invited.path());
        assertThat(browser.submit(invited.path(), "password", PASSWORD, "confirm", PASSWORD).statusCode()).isEqualTo(303);
        browser.get("/terms");
        assertThat(browser.submit("/terms", "decision", "accept").statusCode()).isEqualTo(303);
        browser.get("/signout");
        assertThat(browser.submit("/signout").statusCode()).isEqualTo(303);
        return invited;
    }

    private static Browser signedIn(String address, String password) throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        HttpResponse<String> response = browser.submit("/signin", "address", address, "password", password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return browser;
    }

    private static List<String> imapLogin(String address, String password) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            return imap.command("a1", "LOGIN \"" + address + "\" \"" + password + "\"");
        }
    }
}
