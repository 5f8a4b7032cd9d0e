package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;

/**
 * The second factor and app passwords over real sockets, as a citizen and an attacker see them:
 * enrolment over HTTPS (codes computed here from the secret the page shows), sign-in that needs a
 * code, a replayed code and a reused recovery code refused; IMAP LOGIN and SMTP AUTH that refuse
 * the account password once a second factor is on and take an app password until it is revoked
 * (for a representative's delegated login too, whose own credentials are checked);
 * the administrator's reset over WebAdmin, which gives password logins back and is audited.
 */
class SecondFactorIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final Pattern SECRET = Pattern.compile("<p class=\"secret\" id=\"secret\"><code>([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([0-9a-z]{5}-[0-9a-z]{5})</code></li>");
    private static final Pattern APP_PASSWORD = Pattern.compile("<p class=\"secret\"><code>([0-9a-z-]{24})</code>");
    private static final Pattern REVOKE = Pattern.compile("action=\"(/account/app-passwords/\\d+/revoke)\"");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    /** An enrolled citizen: the secret shown at enrolment and the recovery codes shown once. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @Test
    void signInShouldNeedACodeAcceptEachCodeOnceAndEachRecoveryCodeOnce() throws Exception {
        String address = registered();
        Browser enrolling = signedIn(address);
        HttpResponse<String> noQrYet = enrolling.get("/account/second-factor/qr");
        HttpResponse<String> page = enrolling.get("/account/second-factor");
        HttpResponse<String> qr = enrolling.get("/account/second-factor/qr");
        enrolling.get("/account/second-factor");
        String secret = match(SECRET, page).replace(" ", "");
        HttpResponse<String> withoutPassword = enrolling.submit("/account/second-factor", "code", code(secret, Instant.now()),
            "current", "not my password");
        HttpResponse<String> confirmed = enrolling.submit("/account/second-factor", "code", code(secret, Instant.now()), "current", PASSWORD);
        List<String> recoveryCodes = all(RECOVERY, confirmed);

        Browser signingIn = new Browser(gateway);
        signingIn.get("/signin");
        HttpResponse<String> password = signingIn.submit("/signin", "address", address, "password", PASSWORD);
        HttpResponse<String> beforeCode = signingIn.get("/account");
        signingIn.get("/signin/second-factor");
        String nextCode = code(secret, Instant.now().plusSeconds(30));
        HttpResponse<String> withCode = signingIn.submit("/signin/second-factor", "code", nextCode);
        HttpResponse<String> account = signingIn.get("/account");
        HttpResponse<String> replayed = passwordThenCode(address, nextCode);
        HttpResponse<String> recovery = passwordThenCode(address, recoveryCodes.get(0).toUpperCase(Locale.ROOT));
        HttpResponse<String> recoveryAgain = passwordThenCode(address, recoveryCodes.get(0));

        assertThat(withoutPassword.statusCode()).isEqualTo(400);
        assertThat(withoutPassword.body()).contains("Your password is not correct").contains("aria-describedby=\"current-error\"");
        assertThat(noQrYet.statusCode()).isEqualTo(404);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("content-type")).contains("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg").doesNotContain("<script");
        assertThat(page.body()).contains("src=\"/account/second-factor/qr\"").doesNotContain("data:");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("role=\"status\"");
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.headers().firstValue("location")).contains("/signin/second-factor");
        assertThat(beforeCode.statusCode()).isEqualTo(303);
        assertThat(beforeCode.headers().firstValue("location")).contains("/signin");
        assertThat(withCode.statusCode()).isEqualTo(303);
        assertThat(withCode.headers().firstValue("location")).contains("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Browser.text(account)).contains("Your sign-in is protected by a code");
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(Browser.text(replayed)).contains("This code was used already").contains("aria-describedby=\"code-error\"");
        assertThat(recovery.statusCode()).isEqualTo(303);
        assertThat(recovery.headers().firstValue("location")).contains("/account");
        assertThat(recoveryAgain.statusCode()).isEqualTo(400);
        String audit = WebAdmin.call(gateway, "GET", "/audit", null).body();
        assertThat(audit.lines().filter(line -> line.contains(address)))
            .anySatisfy(line -> assertThat(line).contains("SECOND_FACTOR_ENROLLED"))
            .anySatisfy(line -> assertThat(line).contains("LOGIN_FAILED").contains("confirmation-wrong").contains("purpose=second-factor"))
            .anySatisfy(line -> assertThat(line).contains("SECOND_FACTOR_CHECKED").contains("\"outcome\":\"replayed\""))
            .anySatisfy(line -> assertThat(line).contains("SECOND_FACTOR_CHECKED").contains("\"outcome\":\"recovery-code\""))
            .allSatisfy(line -> assertThat(line).doesNotContain(secret).doesNotContain(recoveryCodes.get(0)));
    }

    @Test
    void mailProtocolsShouldTakeOnlyAppPasswordsOnceASecondFactorIsOnAndRefuseARevokedOne() throws Exception {
        String address = registered();
        Browser browser = signedIn(address);
        enrol(browser);
        browser.get("/account/app-passwords");
        HttpResponse<String> withoutPassword = browser.submit("/account/app-passwords", "name", "Laptop <Thunderbird>");
        HttpResponse<String> created = browser.submit("/account/app-passwords", "name", "Laptop <Thunderbird>", "current", PASSWORD);
        String appPassword = match(APP_PASSWORD, created);

        List<String> imapWithPassword = imapLogin(address, PASSWORD);
        List<String> imapWithAppPassword = imapLogin(address, appPassword);
        String smtpWithPassword = smtpAuth(address, PASSWORD);
        String smtpWithAppPassword = smtpAuth(address, appPassword);
        String represented = registered();
        consent(represented, address);
        List<String> delegatedWithPassword = imapLogin(represented + "*" + address, PASSWORD);
        List<String> delegatedWithAppPassword = imapLogin(represented + "*" + address, appPassword);
        HttpResponse<String> listed = browser.get("/account/app-passwords");
        HttpResponse<String> revoked = browser.submit(match(REVOKE, listed));
        List<String> imapAfterRevoke = imapLogin(address, appPassword);
        String smtpAfterRevoke = smtpAuth(address, appPassword);

        assertThat(withoutPassword.statusCode()).isEqualTo(400);
        assertThat(Browser.text(withoutPassword)).contains("Your password is not correct").doesNotContain("shown only once");
        assertThat(Browser.text(created)).contains("App password \u201cLaptop <Thunderbird>\u201d created.").contains("shown only once");
        assertThat(created.body()).contains("role=\"status\"").doesNotContain("<Thunderbird>");
        assertThat(imapWithPassword).last().asString().startsWith("a1 NO");
        assertThat(imapWithAppPassword).last().asString().startsWith("a1 OK");
        assertThat(smtpWithPassword).startsWith("535");
        assertThat(smtpWithAppPassword).startsWith("235");
        assertThat(delegatedWithPassword).last().asString().startsWith("a1 NO");
        assertThat(delegatedWithAppPassword).last().asString().startsWith("a1 OK");
        assertThat(Browser.text(listed)).contains("Laptop <Thunderbird>").doesNotContain(appPassword).contains("UTC</td>\n<td>2");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(Browser.text(revoked)).contains("The app password was revoked").contains("You have no app passwords.");
        assertThat(imapAfterRevoke).last().asString().startsWith("a1 NO");
        assertThat(smtpAfterRevoke).startsWith("535");
    }

    @Test
    void changingThePasswordShouldRevokeEveryAppPassword() throws Exception {
        String address = registered();
        Browser browser = signedIn(address);
        browser.get("/account/app-passwords");
        String appPassword = match(APP_PASSWORD, browser.submit("/account/app-passwords", "name", "Phone", "current", PASSWORD));
        List<String> before = imapLogin(address, appPassword);

        browser.get("/account");
        HttpResponse<String> changed = browser.submit("/account/password", "current", PASSWORD, "password", "a new horse battery staple",
            "confirm", "a new horse battery staple");
        List<String> after = imapLogin(address, appPassword);
        HttpResponse<String> listed = browser.get("/account/app-passwords");

        assertThat(before).last().asString().startsWith("a1 OK");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Browser.text(changed)).contains("app passwords were revoked");
        assertThat(after).last().asString().startsWith("a1 NO");
        assertThat(Browser.text(listed)).contains("You have no app passwords.");
    }

    @Test
    void administratorResetShouldGivePasswordLoginsBackAndBeAudited() throws Exception {
        String address = registered();
        enrol(signedIn(address));
        List<String> imapBefore = imapLogin(address, PASSWORD);

        HttpResponse<String> reset = WebAdmin.call(gateway, "DELETE", "/accounts/" + address + "/second-factor", null);
        HttpResponse<String> unknown = WebAdmin.call(gateway, "DELETE", "/accounts/nobody@gateway.localhost/second-factor", null);
        List<String> imapAfter = imapLogin(address, PASSWORD);
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        HttpResponse<String> signIn = browser.submit("/signin", "address", address, "password", PASSWORD);

        assertThat(imapBefore).last().asString().startsWith("a1 NO");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nobody@gateway.localhost");
        assertThat(imapAfter).last().asString().startsWith("a1 OK");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("location")).contains("/account");
        String audit = WebAdmin.call(gateway, "GET", "/audit", null).body();
        assertThat(audit.lines().filter(line -> line.contains("SECOND_FACTOR_REMOVED") && line.contains(address)))
            .singleElement().satisfies(line -> assertThat(line).contains("\"outcome\":\"reset\"").contains("\"actor\":\"admin"));
    }

    private static Enrolled enrol(Browser browser) throws Exception {
        HttpResponse<String> page = browser.get("/account/second-factor");
        String secret = match(SECRET, page).replace(" ", "");
        HttpResponse<String> confirmed = browser.submit("/account/second-factor", "code", code(secret, Instant.now()), "current", PASSWORD);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return new Enrolled(secret, all(RECOVERY, confirmed));
    }

    /** A fresh browser's sign-in with the password and then {@code code}: the answer to the code. */
    private static HttpResponse<String> passwordThenCode(String address, String code) throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        HttpResponse<String> password = browser.submit("/signin", "address", address, "password", PASSWORD);
        assertThat(password.headers().firstValue("location")).contains("/signin/second-factor");
        browser.get("/signin/second-factor");
        return browser.submit("/signin/second-factor", "code", code);
    }

    /** The code of the step containing {@code at}, computed as an authenticator app does. */
    private static String code(String secret, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
        return generator.generateOneTimePasswordString(new SecretKeySpec(BaseEncoding.base32().decode(secret), "HmacSHA1"), at, Locale.ROOT);
    }

    private static String registered() throws Exception {
        int person = PEOPLE.incrementAndGet();
        return Enrolment.register(gateway, "second" + person + "@example.net", "Second Factor" + person, PASSWORD).address();
    }

    /** A consent of one day, from an hour ago, for the representative to read and reply for the citizen. */
    private static void consent(String citizen, String representative) throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/consents", "{\"form\":\"2848\",\"representative\":\""
            + representative + "\",\"citizen\":\"" + citizen + "\",\"scope\":\"read-reply\",\"start\":\""
            + now.minusSeconds(3600).toString().replace("Z", "+00:00") + "\",\"end\":\"" + now.plusSeconds(86_400).toString().replace("Z", "+00:00")
            + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static Browser signedIn(String address) throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        HttpResponse<String> response = browser.submit("/signin", "address", address, "password", PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return browser;
    }

    private static List<String> imapLogin(String address, String password) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            return imap.command("a1", "LOGIN \"" + address + "\" \"" + password + "\"");
        }
    }

    private static String smtpAuth(String address, String password) throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.test");
            smtp.startTls();
            smtp.command("EHLO client.test");
            return smtp.authPlain(address, password);
        }
    }

    private static String match(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        assertThat(matcher.find()).as(pattern + " in\n" + response.body()).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(Pattern pattern, HttpResponse<String> response) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(response.body());
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
