package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smg.gateway.attachments.SampleFiles;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/**
 * Writing in the web view over real HTTPS, with GreenMail as the staff smart host: a message to a topic with a PDF
 * leaves through the same pipeline as SMTP submission (the gateway's headers, the file intact), the "Success!" page
 * lists the file, Sent holds a copy over IMAP; refused files are named and the draft kept; drafts are saved in Drafts
 * and reopened; uploads without a session or without the CSRF token are refused, a large one without being read.
 */
class WebComposeIntegrationTest {
    private static final int SMART_HOST_PORT = FreePorts.pick(1).get(0);
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOPIC = "eco-credits@gateway.localhost";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final Pattern SENT = Pattern.compile("/compose/sent/[0-9a-f-]{36}");

    @RegisterExtension
    static final GatewayProcess gateway = SmartHostFixture.gateway("localhost", SMART_HOST_PORT);

    private static GreenMail smartHost;

    /** A signed-in citizen: their address and the browser they registered in. */
    private record Citizen(String address, Browser browser) {
    }

    @BeforeAll
    static void startSmartHost() {
        smartHost = SmartHostFixture.start(SMART_HOST_PORT);
    }

    @AfterAll
    static void stopSmartHost() {
        smartHost.stop();
    }

    @Test
    void sendShouldDeliverTopicMailWithThePdfThroughTheGatewayAndShowSuccess() throws Exception {
        Citizen citizen = registeredCitizen();
        String subject = "web " + UUID.randomUUID();
        byte[] pdf = SampleFiles.cleanPdf();
        // Larger than the server's 64 KiB default for any other body: the policy's limit applies to this route.
        byte[] notes = "Notes about my claim.\n".repeat(15_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("statement.pdf", pdf);
        files.put("notes.txt", notes);
        HttpResponse<String> compose = citizen.browser().get("/compose");

        HttpResponse<String> sent = citizen.browser().submitMultipart("/compose/send", "/compose/send",
            fields("to", TOPIC, "subject", subject, "body", "Please find my statement attached."), "files", files);
        String location = sent.headers().firstValue("location").orElse("");
        HttpResponse<String> success = citizen.browser().get(location);

        assertThat(compose.statusCode()).isEqualTo(200);
        assertThat(compose.body()).contains("value=\"" + TOPIC + "\"").contains("<script src=\"/static/upload.js\"></script>");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(location).matches(SENT);
        assertThat(success.statusCode()).isEqualTo(200);
        assertThat(Browser.text(success)).contains("<h1>Success!</h1>").contains("role=\"status\"").contains("statement.pdf")
            .contains(humanSize(pdf.length)).contains("application/pdf").contains("notes.txt").contains(humanSize(notes.length))
            .contains("text/plain");
        MimeMessage atStaff = awaitStaffMail("eco@staff.example", subject);
        assertThat(atStaff.getHeader("X-SMG-Program")).containsExactly("ECO");
        assertThat(atStaff.getHeader("X-SMG-Business-Verified")).containsExactly("no");
        assertThat(attachment(atStaff, "statement.pdf")).isEqualTo(pdf);
        assertThat(attachment(atStaff, "notes.txt")).isEqualTo(notes);
        assertThat(folderSubjects(citizen.address(), "Sent")).contains(subject);
    }

    @Test
    void uploadShouldNameTheRefusedFilesAndKeepTheDraftWhenAnExecutableOrAVirusIsAttached() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("invoice.pdf", SampleFiles.peExecutable());
        files.put("eicar.txt", SampleFiles.eicar());
        files.put("kept.pdf", SampleFiles.cleanPdf());

        HttpResponse<String> refused = citizen.browser().submitMultipart("/compose/send", "/compose/upload",
            fields("to", TOPIC, "subject", "Kept subject", "body", "Kept body text"), "files", files);

        assertThat(refused.statusCode()).isEqualTo(400);
        String page = Browser.text(refused);
        assertThat(page).contains("\"invoice.pdf\" was not attached").contains("\"eicar.txt\" was not attached: contains a virus")
            .contains("aria-describedby=\"files-hint files-error\"").contains("<div role=\"alert\"><ul class=\"error\" id=\"files-error\">");
        assertThat(page).contains("kept.pdf").doesNotContain(">invoice.pdf").contains("value=\"Kept subject\"").contains("Kept body text")
            .contains("value=\"" + TOPIC + "\" selected");
    }

    @Test
    void uploadShouldBeRefusedWithoutReadingTheBodyWhenNotSignedIn() throws Exception {

        StreamingUpload.Answer answer = StreamingUpload.sendOverTls(gateway.webPort(), "/compose/upload", 500L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(answer.answeredAfter()).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.bodyBytesWrittenBeforeAnswer()).isLessThan(64L * 1024 * 1024);
        assertThat(answer.closedByServer()).isTrue();
    }

    @Test
    void uploadShouldBeRefusedWhenTheCsrfTokenIsMissingOrWrong() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");

        HttpResponse<String> forgedForm = citizen.browser().postMultipart("/compose/send",
            fields("to", TOPIC, "subject", "forged", "body", "forged"), "files", Map.of("a.pdf", SampleFiles.cleanPdf()));
        HttpResponse<String> forgedScript = citizen.browser().send("POST", "/compose/upload",
            HttpRequest.BodyPublishers.ofByteArray(SampleFiles.cleanPdf()), Map.of("X-File-Name", "a.pdf", "X-CSRF-Token", "wrong"));

        assertThat(forgedForm.statusCode()).isEqualTo(403);
        assertThat(Browser.text(forgedForm)).contains("security token is missing or out of date");
        assertThat(forgedScript.statusCode()).isEqualTo(403);
    }

    @Test
    void sendAndUploadShouldBeRefusedWhenTheFormWasOpenedForAnotherInbox() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");
        String token = citizen.browser().csrf();
        String subject = "other inbox " + UUID.randomUUID();

        HttpResponse<String> sent = citizen.browser().submitMultipart("/compose/send", "/compose/send",
            fields("inbox", "someone.else@gateway.test", "to", TOPIC, "subject", subject, "body", "Hello"), "files", Map.of());
        HttpResponse<String> uploaded = citizen.browser().send("POST", "/compose/upload",
            HttpRequest.BodyPublishers.ofByteArray(SampleFiles.cleanPdf()), Map.of("X-File-Name", "a.pdf", "X-CSRF-Token",
                token, "X-Inbox", "someone.else@gateway.test", "Content-Type", "application/octet-stream"));
        HttpResponse<String> compose = citizen.browser().get("/compose");

        assertThat(sent.statusCode()).isEqualTo(409);
        assertThat(Browser.text(sent)).contains("Nothing was sent or saved");
        assertThat(uploaded.statusCode()).isEqualTo(409);
        assertThat(Browser.text(compose)).doesNotContain("a.pdf");
    }

    @Test
    void scriptUploadShouldAnswerTheFilesNameSizeAndTypeWhenTheTokenIsInTheHeader() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");
        String token = citizen.browser().csrf();
        byte[] pdf = SampleFiles.cleanPdf();

        HttpResponse<String> uploaded = citizen.browser().send("POST", "/compose/upload", HttpRequest.BodyPublishers.ofByteArray(pdf),
            Map.of("X-File-Name", "r%C3%A9sum%C3%A9.pdf", "X-CSRF-Token", token, "X-Inbox", citizen.address(),
                "Content-Type", "application/octet-stream"));
        HttpResponse<String> compose = citizen.browser().get("/compose");

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("\"name\":\"r\\u00e9sum\\u00e9.pdf\"").contains("\"type\":\"application/pdf\"")
            .contains("\"size\":\"" + humanSize(pdf.length) + "\"");
        assertThat(Browser.text(compose)).contains("résumé.pdf");
    }

    @Test
    void draftShouldBeSavedInDraftsAndReopenedWithItsFile() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");
        String subject = "draft " + UUID.randomUUID();

        HttpResponse<String> saved = citizen.browser().submitMultipart("/compose/send", "/compose/draft",
            fields("to", TOPIC, "subject", subject, "body", "Not finished yet"), "files", Map.of("draft.pdf", SampleFiles.cleanPdf()));
        String uid = hidden(saved.body(), "draft");
        Browser elsewhere = signIn(citizen.address());
        HttpResponse<String> reopened = elsewhere.get("/compose/draft/" + uid);
        HttpResponse<String> asked = citizen.browser().get("/compose/draft/" + uid);
        HttpResponse<String> stillWriting = citizen.browser().get("/compose");
        citizen.browser().get("/compose/draft/" + uid);
        HttpResponse<String> replaced = citizen.browser().submit("/compose/draft/" + uid);
        boolean flaggedDraft = flagged(citizen.address(), "Drafts", subject, Flags.Flag.DRAFT);
        HttpResponse<String> sent = elsewhere.submitMultipart("/compose/send", "/compose/send",
            fields("to", TOPIC, "subject", subject, "body", "Finished now"), "files", Map.of());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Browser.text(saved)).contains("Your draft was saved in the Drafts folder");
        assertThat(flaggedDraft).isTrue();
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(Browser.text(reopened)).contains("value=\"" + subject + "\"").contains("Not finished yet").contains("draft.pdf")
            .contains("value=\"" + TOPIC + "\" selected");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(Browser.text(asked)).contains("Opening the draft puts it in place of that message").contains("draft.pdf")
            .contains("action=\"/compose/draft/" + uid + "\"");
        assertThat(Browser.text(stillWriting)).as("a GET drops no file").contains("draft.pdf");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(Browser.text(replaced)).contains("value=\"" + subject + "\"").contains("draft.pdf");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(folderSubjects(citizen.address(), "Drafts")).doesNotContain(subject);
        assertThat(attachment(awaitStaffMail("eco@staff.example", subject), "draft.pdf")).isEqualTo(SampleFiles.cleanPdf());
    }

    @Test
    void replyShouldGoToTheStaffMemberWhoWroteWithReAndTheQuotedText() throws Exception {
        Citizen citizen = registeredCitizen();
        String subject = "answer " + UUID.randomUUID();
        assertThat(SmtpSend.relay(gateway, "jane@staff.example", citizen.address(), "From: Jane Clerk <jane@staff.example>\r\n"
            + "Subject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@staff.example>\r\n\r\nWe received your claim.\r\n"))
            .startsWith("250");
        long uid = awaitInboxUid(citizen.address(), subject);

        HttpResponse<String> reply = citizen.browser().get("/compose/reply/INBOX/" + uid);
        HttpResponse<String> sent = citizen.browser().submitMultipart("/compose/send", "/compose/send",
            fields("subject", "Re: " + subject, "body", "Thank you.\n> We received your claim."), "files", Map.of());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(Browser.text(reply)).contains("<h1>Reply</h1>").contains("value=\"Re: " + subject + "\"")
            .contains("> We received your claim.").containsPattern("To: <strong>reply\\+[a-z2-7]{40}@gateway.localhost</strong>");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        MimeMessage atStaff = awaitStaffMail("jane@staff.example", "Re: " + subject);
        assertThat(atStaff.getHeader("X-SMG-Program")).containsExactly("ECO");
        assertThat(atStaff.getHeader("In-Reply-To")).isNotNull();
        assertThat(flagged(citizen.address(), "INBOX", subject, Flags.Flag.ANSWERED)).as("the original is flagged answered").isTrue();
    }

    @Test
    void removeShouldTakeOneFileOffTheMessageAndKeepWhatWasWritten() throws Exception {
        Citizen citizen = registeredCitizen();
        citizen.browser().get("/compose");
        HttpResponse<String> attached = citizen.browser().submitMultipart("/compose/send", "/compose/upload",
            fields("to", TOPIC, "subject", "Two files", "body", "Kept text"), "files",
            Map.of("first.pdf", SampleFiles.cleanPdf(), "second.pdf", SampleFiles.cleanPdf()));
        Matcher firstId = Pattern.compile("name=\"remove\" value=\"(f[0-9]+)\" class=\"link\" aria-label=\"Remove first.pdf\"")
            .matcher(attached.body());
        assertThat(firstId.find()).as(attached.body()).isTrue();

        HttpResponse<String> removed = citizen.browser().submitMultipart("/compose/send", "/compose/remove",
            fields("to", TOPIC, "subject", "Two files", "body", "Kept text", "remove", firstId.group(1)), "files", Map.of());
        HttpResponse<String> again = citizen.browser().submitMultipart("/compose/send", "/compose/remove",
            fields("to", TOPIC, "subject", "Two files", "body", "Kept text", "remove", firstId.group(1)), "files", Map.of());

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Browser.text(removed)).contains("\u201cfirst.pdf\u201d was removed from your message.").contains("second.pdf")
            .contains("Kept text").contains("value=\"Two files\"");
        assertThat(removed.body()).doesNotContain("aria-label=\"Remove first.pdf\"");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Browser.text(again)).contains("That file is no longer attached.").contains("second.pdf");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** As the pages show sizes: bytes below 1 KB, else one decimal in KB or MB. */
    private static String humanSize(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as(name + " in " + page).isTrue();
        return matcher.group(1);
    }

    private static Citizen registeredCitizen() throws Exception {
        int person = PEOPLE.incrementAndGet();
        Enrolment.Enrolled enrolled = Enrolment.register(gateway, "writer" + person + "-" + UUID.randomUUID() + "@example.net", "Web Writer",
            PASSWORD);
        return new Citizen(enrolled.address(), enrolled.browser());
    }

    private static Browser signIn(String address) throws Exception {
        Browser browser = new Browser(gateway);
        browser.get("/signin");
        assertThat(browser.submit("/signin", "address", address, "password", PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    private static java.util.List<String> folderSubjects(String user, String name) throws Exception {
        try (Store store = MailClients.imaps(gateway.imapsPort(), user, PASSWORD)) {
            Folder folder = store.getFolder(name);
            folder.open(Folder.READ_ONLY);
            java.util.List<String> subjects = new java.util.ArrayList<>();
            for (Message message : folder.getMessages()) {
                subjects.add(message.getSubject());
            }
            folder.close(false);
            return subjects;
        }
    }

    private static boolean flagged(String user, String name, String subject, Flags.Flag flag) throws Exception {
        try (Store store = MailClients.imaps(gateway.imapsPort(), user, PASSWORD)) {
            Folder folder = store.getFolder(name);
            folder.open(Folder.READ_ONLY);
            try {
                for (Message message : folder.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        return message.isSet(flag);
                    }
                }
                return false;
            } finally {
                folder.close(false);
            }
        }
    }

    private static long awaitInboxUid(String user, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Store store = MailClients.imaps(gateway.imapsPort(), user, PASSWORD)) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    for (Message message : inbox.getMessages()) {
                        if (subject.equals(message.getSubject())) {
                            return ((javax.mail.UIDFolder) inbox).getUID(message);
                        }
                    }
                    return null;
                } finally {
                    inbox.close(false);
                }
            }
        }, Objects::nonNull);
    }

    private static byte[] attachment(MimeMessage message, String name) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (name.equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    private static MimeMessage awaitStaffMail(String staff, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            GreenMailUser user = smartHost.getUserManager().getUserByEmail(staff);
            if (user == null) {
                return null;
            }
            for (StoredMessage stored : smartHost.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                if (subject.equals(stored.getMimeMessage().getSubject())) {
                    return stored.getMimeMessage();
                }
            }
            return null;
        }, Objects::nonNull);
    }
}
