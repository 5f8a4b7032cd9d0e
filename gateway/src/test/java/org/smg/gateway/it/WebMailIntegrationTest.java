package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smg.gateway.attachments.SampleFiles;

/**
 * The web view's mail pages over real HTTPS, against the same mailboxes IMAP shows: the inbox lists relayed mail,
 * reading sets {@code \Seen} for IMAP and IMAP's {@code \Seen} shows as read, downloads carry safe headers, HTML mail
 * loses its scripts, search, move and delete, and a representative with a read consent switches inboxes and cannot
 * delete.
 */
class WebMailIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final Pattern UID = Pattern.compile("href=\"/mail/message/INBOX/(\\d+)\"");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    /** An enrolled citizen and their browser, signed in. */
    record Person(String address, Browser browser) {
    }

    @Test
    void readingShouldSetSeenForImapWhenTheMessageIsOpenedInTheBrowser() throws Exception {
        Person citizen = registered("citizen");
        String subject = "Your assessment " + UUID.randomUUID();
        relay(citizen.address(), subject, "text/plain", "Dear citizen, see https://agency.example/info.");
        String listed = awaitListed(citizen, subject);

        long uid = uidOf(listed, subject);
        boolean unreadBefore = line(listed, subject).contains("Unread");
        HttpResponse<String> message = citizen.browser().get("/mail/message/INBOX/" + uid);
        List<String> flags = imapFlags(citizen.address(), uid);

        assertThat(unreadBefore).isTrue();
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.headers().firstValue("cache-control")).contains("no-store");
        assertThat(message.body()).contains("Dear citizen").contains("<a href=\"https://agency.example/info\" rel=\"noopener noreferrer nofollow\">")
            .doesNotContain("with their consent");
        assertThat(String.join("\n", flags)).contains("\\Seen");
    }

    @Test
    void inboxShouldShowReadWhenImapSetSeen() throws Exception {
        Person citizen = registered("citizen");
        String subject = "Seen elsewhere " + UUID.randomUUID();
        relay(citizen.address(), subject, "text/plain", "Hello.");
        long uid = uidOf(awaitListed(citizen, subject), subject);

        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + citizen.address() + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "SELECT INBOX");
            assertThat(imap.command("a3", "UID STORE " + uid + " +FLAGS (\\Seen)")).last().asString().startsWith("a3 OK");
        }
        HttpResponse<String> inbox = citizen.browser().get("/mail");

        assertThat(line(inbox.body(), subject)).doesNotContain("Unread").startsWith("\"read\"");
    }

    @Test
    void downloadShouldSendTheFileAsAttachmentWithItsDetectedTypeAndASafeName() throws Exception {
        Person citizen = registered("citizen");
        String subject = "Documents " + UUID.randomUUID();
        String reply = SmtpSend.relay(gateway, AttachedMessage.from(SmtpSend.CLERK, citizen.address(), subject)
            .attach("../../report 2026.pdf", SampleFiles.cleanPdf()));
        assertThat(reply).startsWith("250");
        String listed = awaitListed(citizen, subject);
        long uid = uidOf(listed, subject);

        HttpResponse<String> message = citizen.browser().get("/mail/message/INBOX/" + uid);
        HttpResponse<String> download = citizen.browser().get("/mail/message/INBOX/" + uid + "/part/2");
        HttpResponse<String> text = citizen.browser().get("/mail/message/INBOX/" + uid + "/part/1");

        assertThat(line(listed, subject)).contains("src=\"/static/paperclip.svg\" alt=\"has attachments\"");
        assertThat(message.body()).contains("href=\"/mail/message/INBOX/" + uid + "/part/2\"");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-type")).contains("application/pdf");
        assertThat(download.headers().firstValue("content-disposition"))
            .contains("attachment; filename=\"report 2026.pdf\"; filename*=UTF-8''report%202026.pdf");
        assertThat(download.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(download.body()).startsWith("%PDF");
        assertThat(text.statusCode()).isEqualTo(404);
    }

    @Test
    void messageShouldShowNoScriptWhenTheHtmlCarriesXssPayloads() throws Exception {
        Person citizen = registered("citizen");
        String subject = "Newsletter " + UUID.randomUUID();
        String html = "<p>Visible text</p><script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>"
            + "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
            + "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
            + "<img src=\"https://tracker.example/pixel.gif\" alt=\"pixel\"><div style=\"width:expression(alert(1))\">css</div>";
        relay(citizen.address(), subject, "text/html; charset=UTF-8", html);
        long uid = uidOf(awaitListed(citizen, subject), subject);

        HttpResponse<String> message = citizen.browser().get("/mail/message/INBOX/" + uid);
        String body = message.body().toLowerCase(java.util.Locale.ROOT);
        HttpResponse<String> remote = citizen.browser().submit("/mail/message/INBOX/" + uid + "/remote");

        assertThat(message.body()).contains("Visible text").contains("Show pictures from other sites");
        // Payload text may remain as escaped attribute text (title="...onerror&#61;..."), never as markup.
        assertThat(body).doesNotContain("<script", "onerror=", "javascript:", "style=", "<img", "tracker.example", "<noscript", "<math");
        assertThat(message.headers().firstValue("content-security-policy")).get().asString().contains("img-src 'self';");
        assertThat(remote.statusCode()).isEqualTo(200);
        assertThat(remote.body()).contains("<img src=\"https://tracker.example/pixel.gif\"").doesNotContain("<script", "onerror=");
        assertThat(remote.headers().firstValue("content-security-policy")).get().asString().contains("img-src 'self' https:;")
            .doesNotContain("script-src");
    }

    @Test
    void searchShouldFindTheMessageBySubjectAndSender() throws Exception {
        Person citizen = registered("citizen");
        String token = UUID.randomUUID().toString();
        relay(citizen.address(), "Wanted " + token, "text/plain", "x");
        relay(citizen.address(), "Other " + UUID.randomUUID(), "text/plain", "y");
        awaitListed(citizen, "Wanted " + token);

        HttpResponse<String> bySubject = citizen.browser().get("/mail/search?folder=INBOX&subject=" + token);
        HttpResponse<String> bySender = citizen.browser().get("/mail/search?folder=INBOX&from=Clerk&subject=" + token
            + "&after=2000-01-01&before=2999-12-31");
        HttpResponse<String> badDate = citizen.browser().get("/mail/search?folder=INBOX&after=yesterday");

        assertThat(bySubject.body()).contains("Wanted " + token).doesNotContain("Other ").contains("1 message(s)");
        assertThat(bySender.body()).contains("Wanted " + token).contains("1 message(s)");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("year-month-day");
    }

    @Test
    void moveAndDeleteShouldChangeTheMailboxesImapSeesEvenForAFolderNamedWithASlash() throws Exception {
        Person citizen = registered("citizen");
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + citizen.address() + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "CREATE \"Old/2025\"");
            imap.command("a3", "CREATE Trash");
        }
        String kept = "Keep " + UUID.randomUUID();
        String binned = "Bin " + UUID.randomUUID();
        relay(citizen.address(), kept, "text/plain", "x");
        relay(citizen.address(), binned, "text/plain", "y");
        awaitListed(citizen, kept);
        String inbox = awaitListed(citizen, binned);

        citizen.browser().get("/mail/message/INBOX/" + uidOf(inbox, kept));
        HttpResponse<String> moved = citizen.browser().submit("/mail/move", "target", "Old/2025");
        citizen.browser().get("/mail/message/INBOX/" + uidOf(inbox, binned));
        HttpResponse<String> deleted = citizen.browser().submit("/mail/delete");
        HttpResponse<String> archive = citizen.browser().get("/mail/folder/Old%2F2025");
        HttpResponse<String> trash = citizen.browser().get("/mail/folder/Trash");
        HttpResponse<String> after = citizen.browser().get("/mail");
        HttpResponse<String> forged = citizen.browser().post("/mail/delete", java.util.Map.of("folder", "Old/2025", "uid", "1"));

        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("location")).contains("/mail?notice=trashed");
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.body()).contains(kept);
        assertThat(trash.body()).contains(binned);
        assertThat(after.body()).doesNotContain(kept).doesNotContain(binned).contains("href=\"/mail/folder/Old%2F2025\"");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(imapStatus(citizen.address(), "\"Old/2025\"")).contains("MESSAGES 1");
    }

    @Test
    void representativeWithReadReplyShouldNotSaveDraftsInTheCitizensFoldersButFlagWhatTheyAnswered() throws Exception {
        Person citizen = registered("citizen");
        Person representative = registered("representative");
        consent(citizen.address(), representative.address(), "read-reply");
        String subject = "Answer me " + UUID.randomUUID();
        relay(citizen.address(), subject, "text/plain", "Please confirm.");
        long uid = uidOf(awaitListed(citizen, subject), subject);
        representative.browser().get("/mail");
        representative.browser().submit("/mail/switch", "inbox", citizen.address());
        HttpResponse<String> compose = representative.browser().get("/compose");

        HttpResponse<String> draft = representative.browser().submitMultipart("/compose/send", "/compose/draft",
            Map.of("subject", "Draft for the citizen", "body", "Not finished"), "files", Map.of());
        representative.browser().get("/compose/reply/INBOX/" + uid);
        HttpResponse<String> replied = representative.browser().submitMultipart("/compose/send", "/compose/send",
            Map.of("subject", "Re: " + subject, "body", "Confirmed, on behalf of the citizen."), "files", Map.of());

        assertThat(compose.body()).contains("name=\"inbox\" value=\"" + citizen.address() + "\"");
        assertThat(draft.statusCode()).isEqualTo(403);
        assertThat(Browser.text(draft)).contains("Drafts are not kept in an inbox you look at for someone else");
        assertThat(imapStatus(citizen.address(), "Drafts")).doesNotContain("MESSAGES 1");
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(303);
        assertThat(imapAnswered(citizen.address())).as("\\Answered on what the representative answered")
            .containsPattern("SEARCH( [0-9]+)* " + uid + "(\\s|$)");
    }

    @Test
    void representativeShouldSwitchToTheCitizensInboxAndBeRefusedDeletingWhenTheConsentIsReadOnly() throws Exception {
        Person citizen = registered("citizen");
        Person representative = registered("representative");
        String subject = "For the representative " + UUID.randomUUID();
        relay(citizen.address(), subject, "text/plain", "x");
        awaitListed(citizen, subject);
        long consent = consent(citizen.address(), representative.address(), "read");

        HttpResponse<String> own = representative.browser().get("/mail");
        HttpResponse<String> switched = representative.browser().submit("/mail/switch", "inbox", citizen.address());
        HttpResponse<String> theirs = representative.browser().get("/mail");
        long uid = uidOf(theirs.body(), subject);
        representative.browser().get("/mail/message/INBOX/" + uid);
        HttpResponse<String> delete = representative.browser().submit("/mail/delete");
        List<String> flags = imapFlags(citizen.address(), uid);
        WebAdmin.call(gateway, "DELETE", "/consents/" + consent, null);
        HttpResponse<String> revoked = representative.browser().get("/mail");

        assertThat(own.body()).contains("Show the inbox of").contains("<option value=\"" + citizen.address() + "\"");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(theirs.body()).contains("You are looking at the inbox of <strong>" + citizen.address()).contains(subject);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(Browser.text(delete)).contains("allows reading only");
        assertThat(String.join("\n", flags)).contains("\\Seen").doesNotContain("\\Deleted");
        assertThat(Browser.text(revoked)).contains("is no longer valid").contains("You are back in your own inbox");
        assertThat(revoked.body()).doesNotContain(subject);
    }

    // ------------------------------------------------------------------ helpers

    private static void relay(String citizen, String subject, String contentType, String body) throws Exception {
        String reply = SmtpSend.relay(gateway, SmtpSend.CLERK, citizen, "From: Clerk <" + SmtpSend.CLERK + ">\r\nTo: " + citizen
            + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@staff.example>\r\nMIME-Version: 1.0\r\nContent-Type: "
            + contentType + "\r\n\r\n" + body + "\r\n");
        assertThat(reply).startsWith("250");
    }

    private static String awaitListed(Person person, String subject) {
        String[] page = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            page[0] = person.browser().get("/mail").body();
            assertThat(page[0]).contains(subject);
        });
        return page[0];
    }

    /** The list entry of the message with this subject. */
    private static String line(String page, String subject) {
        for (String item : page.split("<li class=")) {
            if (item.contains(subject)) {
                return item.substring(0, item.indexOf("</li>"));
            }
        }
        throw new AssertionError("no list entry for " + subject);
    }

    private static long uidOf(String page, String subject) {
        Matcher uid = UID.matcher(line(page, subject));
        assertThat(uid.find()).isTrue();
        return Long.parseLong(uid.group(1));
    }

    private static List<String> imapFlags(String address, long uid) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + address + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "EXAMINE INBOX");
            return imap.command("a3", "UID FETCH " + uid + " (FLAGS)");
        }
    }

    private static String imapAnswered(String address) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + address + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "EXAMINE INBOX");
            return String.join("\n", imap.command("a3", "UID SEARCH ANSWERED"));
        }
    }

    private static String imapStatus(String address, String folder) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + address + "\" \"" + PASSWORD + "\"");
            return String.join("\n", imap.command("a2", "STATUS " + folder + " (MESSAGES)"));
        }
    }

    private static long consent(String citizen, String representative, String scope) throws Exception {
        Instant start = Instant.now().minusSeconds(60);
        Instant end = Instant.now().plusSeconds(3600);
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/consents", "{\"form\":\"2848\",\"representative\":\"" + representative
            + "\",\"citizen\":\"" + citizen + "\",\"scope\":\"" + scope + "\",\"start\":\"" + start.toString().replace("Z", "+00:00")
            + "\",\"end\":\"" + end.toString().replace("Z", "+00:00") + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** An enrolled person (invited, registered, terms accepted), signed in in their own browser. */
    private static Person registered(String role) throws Exception {
        int person = PEOPLE.incrementAndGet();
        Enrolment.Enrolled enrolled = Enrolment.register(gateway, role + person + "@example.net", "Person Number" + person, PASSWORD);
        return new Person(enrolled.address(), enrolled.browser());
    }
}
