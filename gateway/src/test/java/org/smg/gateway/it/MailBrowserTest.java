package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smg.gateway.attachments.SampleFiles;
import org.smg.gateway.it.browser.ChromeBrowser;
import org.smg.gateway.it.browser.PageActions;
import org.smg.gateway.it.browser.PageCheck;

/**
 * The mail pages in a real Chromium: the welcome message goes from unread to read, a staff answer relayed with a
 * PDF downloads as an attachment, a reply to it with a PDF attached through the file input shows "Success!" and
 * reaches the staff member through the smart host, a saved draft is listed in Drafts and opens again, the XSS corpus
 * renders without running any script, search, a representative with a consent switches to the citizen's inbox and
 * back, and a message page ({@code no-store}) is not shown again by Back after signing out. The inbox, a message, the search results and the switched
 * inbox pass axe-core at desktop width and 360 px ({@link PageCheck}); screenshots go to
 * {@code target/screenshots/MailBrowserTest/}.
 *
 * <p>People are enrolled over plain HTTPS (as {@link WebMailIntegrationTest} does), which is faster than the
 * registration pages {@link CitizenBrowserTest} already drives; the browser only signs in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailBrowserTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WELCOME = "Welcome to Energy Credits Online secure messaging";
    /** Payloads whose unclosed or document-level structure could hide the ones after them: each gets its own message. */
    private static final Pattern OWN_DOCUMENT = Pattern.compile("(?i)<math|<noscript|<svg></p>|<style|<template|<!--|<form|<body|<base|<meta|<scr<|<<script|<img \"\"\"");
    /**
     * Installed before any script of every document: records calls of the dialog functions the corpus uses and any
     * Content-Security-Policy violation (a payload the sanitizer let through but the CSP stopped still fails the test).
     */
    private static final String TRAP = """
        window.__xss = [];
        window.__csp = [];
        const hit = name => function () { window.__xss.push(name); document.title = 'XSS ran'; };
        for (const name of ['alert', 'confirm', 'prompt', 'print']) { window[name] = hit(name); }
        document.addEventListener('securitypolicyviolation',
          e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
        """;
    /** What a sanitized body must not contain, whatever the browser's parser made of it: active elements, handlers, script URLs. */
    private static final String ACTIVE_CONTENT = """
        const found = [];
        for (const el of document.querySelectorAll('section.mail-body *')) {
          if (/^(script|iframe|frame|object|embed|form|input|button|base|meta|style|link|svg|math|template|noscript|video|audio|source|marquee)$/i.test(el.localName)) {
            found.push('<' + el.localName + '>');
          }
          for (const attribute of el.attributes) {
            const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '');
            if (/^on/i.test(attribute.name) || /^(style|srcdoc|formaction|background)$/i.test(attribute.name)
                || /^(javascript|vbscript|data):/i.test(value)) {
              found.push(el.localName + ' ' + attribute.name + '=' + attribute.value);
            }
          }
        }
        return found;
        """;

    @RegisterExtension
    @Order(1)
    static final SmartHostFixture smartHost = SmartHostFixture.perTestClass();

    @RegisterExtension
    @Order(2)
    static final GatewayProcess gateway = smartHost.gateway("localhost");

    @RegisterExtension
    @Order(3)
    static final ChromeBrowser chrome = new ChromeBrowser();

    private static PageCheck pages;
    private static Path downloads;
    private static String citizen;
    private static String staffAnswer;

    @BeforeAll
    static void enrolCitizenAndSignIn() throws Exception {
        pages = new PageCheck(chrome.driver(), MailBrowserTest.class.getSimpleName());
        downloads = Files.createTempDirectory("smg-downloads-");
        driver().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
        citizen = enrolled("citizen");
        signIn(citizen);
    }

    @AfterAll
    static void deleteDownloads() throws Exception {
        try (Stream<Path> files = Files.walk(downloads)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void welcomeMessageShouldShowUnreadInTheInboxAndReadAfterItWasOpened() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            driver().get(url("/mail"));
            assertThat(PageActions.text(driver())).contains(WELCOME);
        });
        WebElement entry = entry(WELCOME);
        assertThat(entry.getAttribute("class")).isEqualTo("unread");
        assertThat(entry.getText()).contains("Unread");
        pages.check("mail-inbox");

        open(WELCOME);
        assertThat(PageActions.heading(driver())).isEqualTo(WELCOME);
        assertThat(driver().findElement(By.cssSelector("section.mail-body")).getText()).isNotBlank();
        driver().get(url("/mail"));

        assertThat(entry(WELCOME).getAttribute("class")).isEqualTo("read");
        assertThat(entry(WELCOME).getText()).doesNotContain("Unread");
    }

    @Test
    @Order(2)
    void staffAnswerShouldShowItsPdfAndDownloadItAsAnAttachment() throws Exception {
        String subject = "Your credit claim " + UUID.randomUUID();
        staffAnswer = subject;
        String reply = SmtpSend.relay(gateway, AttachedMessage.from(SmtpSend.CLERK, citizen, subject)
            .attach("decision 2026.pdf", SampleFiles.cleanPdf()));
        assertThat(reply).startsWith("250");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            driver().get(url("/mail"));
            assertThat(PageActions.text(driver())).contains(subject);
        });
        WebElement paperclip = entry(subject).findElement(By.cssSelector("img.paperclip[alt='has attachments']"));
        assertThat(paperclip.isDisplayed()).isTrue();
        assertThat(driver().executeScript("return arguments[0].naturalWidth", paperclip)).as("icon loaded")
            .isNotEqualTo(0L);
        open(subject);
        pages.check("mail-message");
        WebElement link = driver().findElement(By.linkText("decision 2026.pdf"));
        String href = link.getAttribute("href");

        link.click();
        Path saved = downloads.resolve("decision 2026.pdf");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(saved) && Files.size(saved) == SampleFiles.cleanPdf().length);
        HttpResponse<byte[]> download = fetchWithTheBrowsersCookie(href);

        assertThat(Files.readAllBytes(saved)).isEqualTo(SampleFiles.cleanPdf());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-disposition")).get().asString().startsWith("attachment;")
            .contains("filename=\"decision 2026.pdf\"");
        assertThat(download.headers().firstValue("content-type")).get().asString().startsWith("application/pdf");
        assertThat(download.headers().firstValue("x-content-type-options")).contains("nosniff");
    }

    @Test
    @Order(5)
    void xssCorpusShouldRenderWithoutRunningAnyScript() throws Exception {
        List<String> corpus = corpus();
        List<String> together = corpus.stream().filter(payload -> !OWN_DOCUMENT.matcher(payload).find()).toList();
        List<String> alone = corpus.stream().filter(payload -> OWN_DOCUMENT.matcher(payload).find()).toList();
        List<String> subjects = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        subjects.add(relayHtml("Corpus together " + run, "<p>Visible text</p>\r\n" + String.join("\r\n", together)));
        for (int i = 0; i < alone.size(); i++) {
            subjects.add(relayHtml("Corpus alone " + i + " " + run, "<p>Visible text</p>\r\n" + alone.get(i) + "\r\n<p>After</p>"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            driver().get(url("/mail/search?folder=INBOX&subject=" + run));
            assertThat(driver().findElements(By.cssSelector("ul.messages li"))).hasSize(subjects.size());
        });
        List<String> links = driver().findElements(By.cssSelector("ul.messages li a")).stream().map(a -> a.getAttribute("href")).toList();

        List<String> failures = new ArrayList<>();
        for (String link : links) {
            driver().get(link);
            String subject = PageActions.heading(driver());
            List<?> active = (List<?>) driver().executeScript(ACTIVE_CONTENT);
            Object ran = driver().executeScript("return window.__xss;");
            Object blocked = driver().executeScript("return window.__csp;");
            String title = driver().getTitle();
            String body = driver().findElement(By.cssSelector("section.mail-body")).getText();
            if (!active.isEmpty() || !List.of().equals(ran) || !List.of().equals(blocked) || title.contains("XSS ran")
                || !driver().getCurrentUrl().equals(link) || !body.contains("Visible text") || alertIsOpen()) {
                failures.add(subject + ": active " + active + ", ran " + ran + ", csp " + blocked + ", title " + title + ", url " + driver().getCurrentUrl() + ", alert " + alertIsOpen() + ", text " + body);
            }
        }

        Object probe = driver().executeScript("alert('probe'); return window.__xss;");

        assertThat(probe).as("the trap is installed and would see a dialog").isEqualTo(List.of("alert"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        assertThat(links).hasSize(1 + alone.size());
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(5)
    void picturesFromOtherSitesShouldShowOnlyOnceTheReaderAsksForThisMessage() throws Exception {
        String subject = relayHtml("Pictures " + UUID.randomUUID(), "<p>Our new office</p>"
            + "<img src=\"https://images.example/office.png\" alt=\"The new office\" width=\"20\" height=\"20\">");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            driver().get(url("/mail"));
            assertThat(PageActions.text(driver())).contains(subject);
        });
        open(subject);
        int imagesBefore = driver().findElements(By.cssSelector("section.mail-body img")).size();

        PageActions.submit(driver(), By.cssSelector("form.remote button"));
        pages.check("mail-message-pictures");

        assertThat(imagesBefore).isZero();
        assertThat(driver().findElement(By.cssSelector("section.mail-body img")).getAttribute("src"))
            .isEqualTo("https://images.example/office.png");
    }

    @Test
    @Order(6)
    void searchShouldListTheStaffAnswerBySenderAndSubject() {
        driver().get(url("/mail"));
        PageActions.fill(driver(), "from", "staff");
        PageActions.fill(driver(), "subject", "credit claim");

        PageActions.submit(driver(), By.cssSelector("form.search button"));
        pages.check("mail-search");

        assertThat(driver().getCurrentUrl()).contains("/mail/search");
        assertThat(driver().findElement(By.tagName("h2")).getText()).contains("1 message(s)");
        assertThat(driver().findElements(By.cssSelector("ul.messages li"))).singleElement()
            .satisfies(entry -> assertThat(entry.getText()).contains("Your credit claim"));
    }

    @Test
    @Order(7)
    void representativeShouldSwitchToTheCitizensInboxAndBack() throws Exception {
        String representative = enrolled("representative");
        consent(citizen, representative);
        driver().get(url("/mail"));
        PageActions.submit(driver(), By.cssSelector("nav[aria-label=Main] button"));
        signIn(representative);
        driver().get(url("/mail"));
        assertThat(PageActions.text(driver())).doesNotContain("Your credit claim");

        new Select(driver().findElement(By.id("inbox"))).selectByValue(citizen);
        PageActions.submit(driver(), By.cssSelector("form.switch button"));
        pages.check("mail-switched");
        String theirs = PageActions.text(driver());
        new Select(driver().findElement(By.id("inbox"))).selectByValue("");
        PageActions.submit(driver(), By.cssSelector("form.switch button"));

        assertThat(theirs).contains("You are looking at the inbox of " + citizen).contains("Your credit claim").contains(WELCOME);
        assertThat(PageActions.text(driver())).contains("Inbox of " + representative).doesNotContain("You are looking at").doesNotContain("Your credit claim");
    }

    @Test
    @Order(3)
    void replyWithAPdfShouldListItOnTheSuccessPageAndReachTheStaffMember() throws Exception {
        byte[] pdf = SampleFiles.cleanPdf();
        Path directory = Files.createTempDirectory("smg-upload-");
        Path file = Files.write(directory.resolve("my answer.pdf"), pdf);
        driver().get(url("/mail"));
        open(staffAnswer);
        click(By.linkText("Reply"));
        pages.check("compose-reply");
        assertThat(PageActions.heading(driver())).isEqualTo("Reply");
        assertThat(driver().findElement(By.id("subject")).getAttribute("value")).isEqualTo("Re: " + staffAnswer);
        PageActions.fill(driver(), "body", "Thank you, my answer is attached.");
        driver().findElement(By.id("files")).sendKeys(file.toString());
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(browser -> !browser.findElements(By.cssSelector("#attached li")).isEmpty());

        PageActions.submit(driver(), By.cssSelector("#compose-form > button:not([formaction]):not([disabled])"));
        pages.check("compose-reply-sent");
        Files.delete(file);
        Files.delete(directory);

        assertThat(PageActions.heading(driver())).isEqualTo("Success!");
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText())
            .contains("my answer.pdf").contains(humanSize(pdf.length)).contains("application/pdf");
        javax.mail.internet.MimeMessage atStaff = smartHost.awaitMessage(SmtpSend.CLERK, "Re: " + staffAnswer);
        assertThat(atStaff.getHeader("In-Reply-To")).isNotNull();
        assertThat(attachment(atStaff, "my answer.pdf")).isEqualTo(pdf);
    }

    @Test
    @Order(4)
    void draftSavedFromTheComposePageShouldBeListedInDraftsAndOpenAgainInPlaceOfTheMessageBeingWritten() throws Exception {
        String subject = "Draft " + UUID.randomUUID();
        driver().get(url("/compose"));
        new Select(driver().findElement(By.id("to"))).selectByIndex(1);
        PageActions.fill(driver(), "subject", subject);
        PageActions.fill(driver(), "body", "Half written.");
        PageActions.submit(driver(), By.cssSelector("#compose-form > button[formaction='/compose/draft']"));
        assertThat(PageActions.text(driver())).contains("Your draft was saved in the Drafts folder");
        // Another message, with two files; one is removed again.
        Path directory = Files.createTempDirectory("smg-upload-");
        Path first = Files.write(directory.resolve("first.pdf"), SampleFiles.cleanPdf());
        Path second = Files.write(directory.resolve("second.pdf"), SampleFiles.cleanPdf());
        Path program = Files.write(directory.resolve("invoice.exe"), SampleFiles.peExecutable());
        driver().get(url("/compose"));
        driver().findElement(By.id("files")).sendKeys(first + "\n" + second + "\n" + program);
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(browser -> browser.findElements(By.cssSelector("#attached li")).size() == 2
            && !browser.findElements(By.cssSelector("#files-error li")).isEmpty());
        pages.check("compose-file-refused");
        String refused = driver().findElement(By.id("files-error")).getText();
        String describedBy = driver().findElement(By.id("files")).getAttribute("aria-describedby");
        PageActions.submit(driver(), By.cssSelector("#attached button[aria-label='Remove first.pdf']"));
        pages.check("compose-file-removed");
        String afterRemove = PageActions.text(driver());

        driver().get(url("/mail/folder/Drafts"));
        pages.check("mail-drafts");
        String listed = entry(subject).getText();
        open(subject);
        click(By.linkText("Open this draft to finish and send it"));
        pages.check("compose-open-draft");
        String asked = PageActions.text(driver());
        PageActions.submit(driver(), By.cssSelector("main form button[type=submit]"));
        pages.check("compose-draft-reopened");
        Files.delete(first);
        Files.delete(second);
        Files.delete(program);
        Files.delete(directory);

        assertThat(refused).contains("\"invoice.exe\" was not attached");
        assertThat(describedBy).contains("files-error");
        assertThat(afterRemove).contains("\u201cfirst.pdf\u201d was removed from your message.").contains("second.pdf");
        assertThat(driver().findElements(By.cssSelector("#attached li"))).isEmpty();
        assertThat(listed).contains(subject);
        assertThat(asked).contains("Opening the draft puts it in place of that message").contains("second.pdf");
        assertThat(driver().getCurrentUrl()).contains("/compose/draft/");
        assertThat(driver().findElement(By.id("subject")).getAttribute("value")).isEqualTo(subject);
        assertThat(driver().findElement(By.id("body")).getAttribute("value")).contains("Half written.");
    }

    @Test
    @Order(8)
    void messagePageShouldBeNoStoreAndNotShownByBackAfterSignOut() throws Exception {
        driver().get(url("/mail"));
        PageActions.submit(driver(), By.cssSelector("nav[aria-label=Main] button"));
        signIn(citizen);
        driver().get(url("/mail"));
        open(staffAnswer);
        String messageUrl = driver().getCurrentUrl();
        HttpResponse<byte[]> whileSignedIn = fetchWithTheBrowsersCookie(messageUrl);
        Cookie oldSession = driver().manage().getCookieNamed("__Host-smg");

        PageActions.submit(driver(), By.cssSelector("nav[aria-label=Main] button"));
        WebElement afterSignOut = driver().findElement(By.tagName("html"));
        driver().navigate().back();
        PageActions.awaitNewPage(driver(), afterSignOut);
        HttpResponse<byte[]> withTheOldCookie = fetch(messageUrl, oldSession);

        assertThat(whileSignedIn.statusCode()).isEqualTo(200);
        assertThat(new String(whileSignedIn.body(), StandardCharsets.UTF_8)).contains(staffAnswer);
        assertThat(whileSignedIn.headers().firstValue("cache-control")).get().asString().contains("no-store");
        assertThat(driver().getCurrentUrl()).endsWith("/signin");
        assertThat(PageActions.heading(driver())).isEqualTo("Sign in");
        assertThat(driver().getPageSource()).doesNotContain(staffAnswer).doesNotContain("decision 2026.pdf");
        assertThat(withTheOldCookie.statusCode()).isNotEqualTo(200);
        assertThat(new String(withTheOldCookie.body(), StandardCharsets.UTF_8)).doesNotContain(staffAnswer);
    }

    // ------------------------------------------------------------------ helpers

    private static ChromeDriver driver() {
        return chrome.driver();
    }

    private static String url(String path) {
        return "https://127.0.0.1:" + gateway.webPort() + path;
    }

    /** An enrolled person (invited, registered, terms accepted) over plain HTTPS; returns the secure address. */
    private static String enrolled(String role) throws Exception {
        String email = role + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        return Enrolment.register(gateway, email, "Browser " + role, PASSWORD).address();
    }

    private static void signIn(String address) {
        driver().get(url("/signin"));
        PageActions.fill(driver(), "address", address);
        PageActions.fill(driver(), "password", PASSWORD);
        PageActions.submit(driver(), By.cssSelector("main button[type=submit]"));
        assertThat(driver().getCurrentUrl()).doesNotEndWith("/signin");
    }

    private static void consent(String citizen, String representative) throws Exception {
        String start = java.time.Instant.now().minusSeconds(60).toString().replace("Z", "+00:00");
        String end = java.time.Instant.now().plusSeconds(3600).toString().replace("Z", "+00:00");
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/consents", "{\"form\":\"2848\",\"representative\":\""
            + representative + "\",\"citizen\":\"" + citizen + "\",\"scope\":\"read\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String relayHtml(String subject, String html) throws Exception {
        String reply = SmtpSend.relay(gateway, SmtpSend.CLERK, citizen, "From: Clerk <" + SmtpSend.CLERK + ">\r\nTo: " + citizen
            + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@staff.example>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n");
        assertThat(reply).as(subject).startsWith("250");
        return subject;
    }

    private static List<String> corpus() throws Exception {
        try (var in = MailBrowserTest.class.getResourceAsStream("/xss-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private static boolean alertIsOpen() {
        try {
            driver().switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** GETs {@code url} over HTTPS with the session cookie the browser holds, to read the response headers. */
    private static HttpResponse<byte[]> fetchWithTheBrowsersCookie(String url) throws Exception {
        return fetch(url, driver().manage().getCookieNamed("__Host-smg"));
    }

    /** GETs {@code url} over HTTPS with that session cookie, without following redirects. */
    private static HttpResponse<byte[]> fetch(String url, Cookie session) throws Exception {
        assertThat(session).as("the browser's session cookie").isNotNull();
        HttpClient client = HttpClient.newBuilder().sslContext(TrustAll.sslContext()).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session.getName() + "=" + session.getValue())
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The inbox list entry whose text contains {@code subject}. */
    private static WebElement entry(String subject) {
        return driver().findElements(By.cssSelector("ul.messages li")).stream()
            .filter(item -> item.getText().contains(subject)).findFirst()
            .orElseThrow(() -> new AssertionError("no list entry for " + subject));
    }

    /** Follows a link and waits until the page it leads to has loaded. */
    private static void click(By link) {
        WebElement old = driver().findElement(By.tagName("html"));
        driver().findElement(link).click();
        PageActions.awaitNewPage(driver(), old);
    }

    /** The size as the Success page writes it. */
    private static String humanSize(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static byte[] attachment(javax.mail.internet.MimeMessage message, String name) throws Exception {
        javax.mail.Multipart multipart = (javax.mail.Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            javax.mail.Part part = multipart.getBodyPart(i);
            if (name.equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    private static void open(String subject) {
        WebElement old = driver().findElement(By.tagName("html"));
        entry(subject).findElement(By.tagName("a")).click();
        PageActions.awaitNewPage(driver(), old);
    }

}
