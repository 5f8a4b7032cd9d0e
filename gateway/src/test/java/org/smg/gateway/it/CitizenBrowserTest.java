package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smg.gateway.attachments.SampleFiles;
import org.smg.gateway.it.browser.ChromeBrowser;
import org.smg.gateway.it.browser.PageActions;
import org.smg.gateway.it.browser.PageCheck;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The citizen's pages in a real Chromium (Debian's chromium and chromedriver): registration from an invitation,
 * the terms, the account page, a notification address change confirmed through the link mailed to the new
 * address, sign-out and the Back button, a forged cross-site POST, an expired session, a message to a topic with a PDF
 * attached through the file input and its "Success!" page, second-factor enrolment and sign-in with a code, an app
 * password created in the browser that logs in over IMAP where the account password is then refused, and the
 * maintenance page.
 * Every page visited passes axe-core (no serious or critical violation) at desktop width and at 360 px, where it
 * must not scroll sideways; screenshots of each go to {@code target/screenshots/CitizenBrowserTest/}.
 *
 * <p>One gateway and one browser for the class; the tests run in order, as one citizen's visit. The idle timeout
 * is short ({@link #IDLE}) so that the expiry can be seen without waiting 15 minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenBrowserTest {
    private static final int SMART_HOST_PORT = FreePorts.pick(1).get(0);
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final String PASSWORD = "correct horse battery staple";
    private static final String FORGED_PASSWORD = "the attacker's own passphrase";

    @RegisterExtension
    @Order(1)
    static final GatewayProcess gateway = SmartHostFixture.gateway("localhost", SMART_HOST_PORT)
        .with("web.session.idleTimeout", IDLE.toSeconds() + "s");

    @RegisterExtension
    @Order(2)
    static final ChromeBrowser chrome = new ChromeBrowser();

    private static GreenMail smartHost;
    private static PageCheck pages;
    private static String address;
    private static String secret;

    @BeforeAll
    static void startSmartHostAndChecks() {
        smartHost = SmartHostFixture.start(SMART_HOST_PORT);
        pages = new PageCheck(chrome.driver(), CitizenBrowserTest.class.getSimpleName());
    }

    @AfterAll
    static void stopSmartHost() {
        smartHost.stop();
    }

    @Test
    @Order(1)
    void invitationShouldLeadThroughRegistrationAndTermsToTheAccountPage() throws Exception {
        String invitation = invite("citizen.browser@example.net");
        driver().get(url(invitation));
        pages.check("register");
        PageActions.fill(driver(), "password", PASSWORD);
        PageActions.fill(driver(), "confirm", "not the same password at all");
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        pages.check("register-error");
        PageActions.fill(driver(), "password", PASSWORD);
        PageActions.fill(driver(), "confirm", PASSWORD);

        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        pages.check("terms");
        PageActions.submit(driver(), By.cssSelector("button[value=accept]"));
        pages.check("account");

        assertThat(PageActions.heading(driver())).isEqualTo("Your secure inbox");
        assertThat(driver().getCurrentUrl()).endsWith("/account");
        assertThat(PageActions.text(driver())).contains(address).contains("port " + gateway.imapsPort() + " with SSL/TLS");
        assertThat(driver().findElement(By.cssSelector("nav[aria-label=Main]")).getText())
            .contains("Inbox").contains("Write").contains("Settings").contains("Sign out");
    }

    @Test
    @Order(2)
    void mismatchedNewPasswordsShouldShowTheErrorTiedToTheirFields() {
        driver().get(url("/account"));
        PageActions.fill(driver(), "current", "not the current password");
        PageActions.fill(driver(), "password", "a brand new passphrase 7");
        PageActions.fill(driver(), "confirm", "a brand new passphrase 8");

        PageActions.submit(driver(), By.cssSelector("form[action='/account/password'] button"));
        pages.check("account-password-error");

        WebElement error = driver().findElement(By.id("password-error"));
        assertThat(error.getText()).isEqualTo("The two new passwords are not the same.");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(driver().findElement(By.id("confirm")).getAttribute("aria-describedby")).isEqualTo("password-error");
    }

    @Test
    @Order(3)
    void notificationAddressShouldChangeWhenTheLinkMailedToTheNewAddressIsConfirmed() throws Exception {
        String fresh = "citizen.browser.new@example.org";
        driver().get(url("/account"));
        PageActions.fill(driver(), "email", fresh);
        PageActions.submit(driver(), By.cssSelector("form[action='/account/email'] button"));
        pages.check("account-email-requested");
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText()).contains("A confirmation link was sent to the new address");
        String link = confirmationLink(fresh);
        driver().get(url(link));
        pages.check("email-confirm");

        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        pages.check("email-confirmed");
        driver().get(url("/account"));

        assertThat(PageActions.text(driver())).contains("a short notice that says nothing else goes to " + fresh);
    }

    @Test
    @Order(4)
    void backAfterSignOutShouldShowTheSignInPageAndNothingOfTheAccount() {
        driver().get(url("/signout"));
        pages.check("signout");
        driver().get(url("/account"));
        assertThat(PageActions.heading(driver())).isEqualTo("Your secure inbox");

        PageActions.submit(driver(), By.cssSelector("nav[aria-label=Main] button"));
        pages.check("signin");
        WebElement signInPage = driver().findElement(By.tagName("html"));
        driver().navigate().back();
        PageActions.awaitNewPage(driver(), signInPage);

        assertThat(driver().getCurrentUrl()).endsWith("/signin");
        assertThat(driver().getPageSource()).doesNotContain(address).doesNotContain("Mail client settings");
    }

    @Test
    @Order(5)
    void forgedCrossSitePostShouldBeRefusedAndLeaveThePasswordAsItWas() throws Exception {
        driver().get(url("/signin"));
        PageActions.fill(driver(), "address", address);
        PageActions.fill(driver(), "password", "a wrong password for sure");
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        pages.check("signin-error");
        signIn();
        Path forgery = Files.createTempFile("smg-forgery-", ".html");
        Files.writeString(forgery, "<!DOCTYPE html><html><body><form method=\"post\" action=\"" + url("/account/password") + "\">"
            + "<input name=\"current\" value=\"" + PASSWORD + "\"><input name=\"password\" value=\"" + FORGED_PASSWORD + "\">"
            + "<input name=\"confirm\" value=\"" + FORGED_PASSWORD + "\"></form>"
            + "<script>document.forms[0].submit();</script></body></html>", StandardCharsets.UTF_8);

        driver().get(forgery.toUri().toString());
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(browser -> browser.getCurrentUrl().startsWith("https://"));
        String refusal = PageActions.text(driver());
        Files.delete(forgery);
        // The same forgery from the gateway's own origin, where the session cookie does go with it: the token alone stops it.
        driver().get(url("/account"));
        WebElement account = driver().findElement(By.tagName("html"));
        driver().executeScript("var form = document.createElement('form'); form.method = 'post'; form.action = '/account/password';"
            + "[['csrf', 'forged'], ['current', arguments[0]], ['password', arguments[1]], ['confirm', arguments[1]]].forEach("
            + "function (field) { var input = document.createElement('input'); input.name = field[0]; input.value = field[1];"
            + " form.appendChild(input); }); document.body.appendChild(form); form.submit();", PASSWORD, FORGED_PASSWORD);
        PageActions.awaitNewPage(driver(), account);
        String sameOriginRefusal = PageActions.text(driver());

        assertThat(refusal).contains("security token is missing or out of date");
        assertThat(sameOriginRefusal).contains("security token is missing or out of date");
        assertThat(imapLogin(PASSWORD)).last().asString().startsWith("a1 OK");
        assertThat(imapLogin(FORGED_PASSWORD)).last().asString().startsWith("a1 NO");
        driver().get(url("/account"));
        assertThat(PageActions.heading(driver())).as("the citizen's own session is untouched").isEqualTo("Your secure inbox");
    }

    @Test
    @Order(6)
    void sessionShouldEndAndLeadToSignInWhenIdleLongerThanTheTimeout() throws Exception {
        driver().get(url("/account"));
        assertThat(PageActions.heading(driver())).isEqualTo("Your secure inbox");

        Thread.sleep(IDLE.plusSeconds(1).toMillis());
        driver().get(url("/account"));

        assertThat(driver().getCurrentUrl()).endsWith("/signin");
        assertThat(PageActions.heading(driver())).isEqualTo("Sign in");
    }

    @Test
    @Order(7)
    void otherPagesShouldPassTheChecksAtBothWidths() throws Exception {
        HttpResponse<String> reset = WebAdmin.call(gateway, "POST", "/accounts/" + address + "/password-reset", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(201);

        driver().get(url(Browser.pathOf(Enrolment.field(reset.body(), "link"))));
        pages.check("reset");
        driver().get(url("/no/such/page"));
        pages.check("not-found");
        signIn();
        driver().get(url("/account/opt-out"));
        pages.check("optout");
        driver().get(url("/terms"));
        pages.check("terms-accepted");

        assertThat(PageActions.heading(driver())).isEqualTo("Terms of Service and Rules of Conduct");
    }

    @Test
    @Order(8)
    void composeShouldAttachAPdfThroughTheFileInputAndListItOnTheSuccessPage() throws Exception {
        byte[] pdf = SampleFiles.cleanPdf();
        Path directory = Files.createTempDirectory("smg-upload-");
        Path file = Files.write(directory.resolve("statement.pdf"), pdf);
        driver().get(url("/compose"));
        pages.check("compose");
        new Select(driver().findElement(By.id("to"))).selectByIndex(1);
        PageActions.fill(driver(), "subject", "My statement");
        PageActions.fill(driver(), "body", "Please find my statement attached.");

        driver().findElement(By.id("files")).sendKeys(file.toString());
        new WebDriverWait(driver(), Duration.ofSeconds(8)).until(browser -> !browser.findElements(By.cssSelector("#attached li")).isEmpty());
        pages.check("compose-attached");
        PageActions.submit(driver(), By.cssSelector("#compose-form > button:not([formaction]):not([disabled])"));
        pages.check("compose-sent");
        Files.delete(file);
        Files.delete(directory);

        assertThat(PageActions.heading(driver())).isEqualTo("Success!");
        assertThat(driver().getCurrentUrl()).contains("/compose/sent/");
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
            .contains("statement.pdf").contains(humanSize(pdf.length)).contains("application/pdf");
    }

    @Test
    @Order(9)
    void secondFactorShouldBeEnrolledFromTheShownSecretAndThenBeAskedForAtSignIn() throws Exception {
        driver().get(url("/account/second-factor"));
        pages.check("settings-second-factor");
        secret = driver().findElement(By.id("secret")).getText().replace(" ", "");
        PageActions.fill(driver(), "current", PASSWORD);
        PageActions.fill(driver(), "code", totp(Instant.now()));
        PageActions.submit(driver(), By.cssSelector("form[action='/account/second-factor'] button"));
        pages.check("settings-recovery-codes");
        assertThat(driver().findElements(By.cssSelector("ul.codes li"))).hasSize(10);
        PageActions.submit(driver(), By.cssSelector("nav[aria-label=Main] button"));

        driver().get(url("/signin"));
        PageActions.fill(driver(), "address", address);
        PageActions.fill(driver(), "password", PASSWORD);
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        pages.check("signin-second-factor");
        // The enrolment used this step's code, and each step is accepted once: the next step's code, which the
        // gateway takes within its one-step clock skew, signs in without waiting for the clock.
        PageActions.fill(driver(), "code", totp(Instant.now().plus(Duration.ofSeconds(30))));
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));

        assertThat(PageActions.heading(driver())).isEqualTo("Your secure inbox");
        assertThat(driver().getCurrentUrl()).endsWith("/account");
        assertThat(PageActions.text(driver())).contains("Your sign-in is protected by a code from an authenticator app.");
        driver().get(url("/account/second-factor"));
        pages.check("settings-second-factor-on");
        assertThat(PageActions.text(driver())).contains("Remove the second factor");
    }

    @Test
    @Order(10)
    void appPasswordCreatedInTheBrowserShouldLogInOverImapWhereTheAccountPasswordIsRefused() throws Exception {
        driver().get(url("/account/app-passwords"));
        pages.check("settings-app-passwords");
        PageActions.fill(driver(), "name", "Thunderbird on my laptop");
        PageActions.fill(driver(), "current", PASSWORD);
        PageActions.submit(driver(), By.cssSelector("form[action='/account/app-passwords'] button"));
        pages.check("settings-app-password-created");
        String appPassword = driver().findElement(By.cssSelector("[role=status] .secret code")).getText();
        String lastUsedBefore = driver().findElement(By.cssSelector("table.app-passwords tbody td:nth-child(3)")).getText();
        driver().get(url("/account/mail-clients"));
        pages.check("settings-mail-clients");
        String mailClients = PageActions.text(driver());

        List<String> withAppPassword = imapLogin(appPassword);
        List<String> withAccountPassword = imapLogin(PASSWORD);

        assertThat(withAppPassword).last().asString().startsWith("a1 OK");
        assertThat(withAccountPassword).last().asString().startsWith("a1 NO");
        assertThat(mailClients).contains(gateway.imapsPort() + " with SSL/TLS").contains("your own password is refused");
        driver().get(url("/account/app-passwords"));
        assertThat(lastUsedBefore).isEqualTo("never");
        assertThat(driver().findElement(By.cssSelector("table.app-passwords tbody td:nth-child(1)")).getText()).isEqualTo("Thunderbird on my laptop");
        assertThat(driver().findElement(By.cssSelector("table.app-passwords tbody td:nth-child(3)")).getText()).endsWith("UTC").doesNotStartWith("1970");
        assertThat(driver().getPageSource()).doesNotContain(appPassword);
    }

    @Test
    @Order(11)
    void maintenancePageShouldNameTheEndOfTheWindow() throws Exception {
        Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofHours(2));
        Files.writeString(gateway.root().resolve("conf/policies/maintenance.yaml"),
            "once:\n  - start: " + start + "\n    end: " + end + "\n", StandardCharsets.UTF_8);
        assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).body()).isEqualTo("{\"applied\":true}");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            driver().get(url("/signin"));
            return "Down for maintenance".equals(PageActions.heading(driver()));
        });
        pages.check("maintenance");

        assertThat(PageActions.text(driver())).contains("down for maintenance until " + DateTimeFormatter.ISO_INSTANT.format(end));
    }

    // ------------------------------------------------------------------ helpers

    private static ChromeDriver driver() {
        return chrome.driver();
    }

    private static String url(String path) {
        return "https://127.0.0.1:" + gateway.webPort() + path;
    }

    /** Invites a citizen and returns the registration path; remembers the new secure address. */
    private static String invite(String email) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"" + email + "\",\"name\":\"Browser Citizen\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        address = Enrolment.field(response.body(), "address");
        return Browser.pathOf(Enrolment.field(response.body(), "link"));
    }

    private static void signIn() {
        driver().get(url("/signin"));
        PageActions.fill(driver(), "address", address);
        PageActions.fill(driver(), "password", PASSWORD);
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        assertThat(PageActions.heading(driver())).isEqualTo("Your secure inbox");
    }

    private static String confirmationLink(String recipient) throws Exception {
        javax.mail.internet.MimeMessage message = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smartHost.getReceivedMessages())
            .filter(candidate -> SmartHostFixture.recipients(candidate).contains(recipient)).findFirst().orElse(null), Objects::nonNull);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        Matcher link = Pattern.compile("https://\\S+/email/[A-Za-z0-9_-]{43}").matcher(raw.toString(StandardCharsets.UTF_8));
        assertThat(link.find()).as("confirmation link in the mail").isTrue();
        return Browser.pathOf(link.group());
    }

    /** The authenticator app's code for the step containing {@code at}, from the secret the enrolment page showed. */
    private static String totp(Instant at) throws Exception {
        return new TimeBasedOneTimePasswordGenerator()
            .generateOneTimePasswordString(new SecretKeySpec(BaseEncoding.base32().decode(secret), "HmacSHA1"), at, Locale.ROOT);
    }

    /** The size as the Success page writes it. */
    private static String humanSize(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static List<String> imapLogin(String password) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            return imap.command("a1", "LOGIN \"" + address + "\" \"" + password + "\"");
        }
    }
}
