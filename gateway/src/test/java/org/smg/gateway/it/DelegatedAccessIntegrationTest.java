package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Store;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A representative reaches a citizen's mailbox with their own password under a consent: as
 * {@code <citizen>*<representative>} with a real IMAP client, and with AUTHENTICATE PLAIN and an
 * authorization identity; a revocation or the consent's end ends an open session (IDLE included) and
 * refuses new logins; without a consent the right password is answered like a wrong one; the citizen
 * hears of the access's start and end.
 */
class DelegatedAccessIntegrationTest {
    private static final String PASSWORD = "representative passphrase 77";
    private static final String WELCOME_SUBJECT = "Welcome to Energy Credits Online secure messaging";
    private static final String WRONG_PASSWORD_ANSWER = "NO LOGIN failed. Invalid login/password.";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** The external (notification) address of each account this class registered. */
    private static final Map<String, String> EMAILS = new ConcurrentHashMap<>();

    private static final String TOPIC = "eco-credits@gateway.localhost";

    @RegisterExtension
    static final SmartHostFixture smartHost = SmartHostFixture.perTestClass();

    @RegisterExtension
    static final GatewayProcess gateway = smartHost.gateway("localhost");

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
    void representativeShouldOpenCitizenMailboxAsRecordedWhenCitizenIsTypedInOtherCase() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        String typed = citizen.toUpperCase(java.util.Locale.ROOT);
        String authzid = Base64.getEncoder().encodeToString((typed + "\0" + representative + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        List<String> loginSelect;
        List<String> authenticateSelect;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            assertThat(imap.command("a1", "LOGIN \"" + typed + "*" + representative + "\" \"" + PASSWORD + "\"")).last().asString().startsWith("a1 OK");
            loginSelect = imap.command("a2", "EXAMINE INBOX");
        }
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            assertThat(imap.command("a1", "AUTHENTICATE PLAIN " + authzid)).last().asString().startsWith("a1 OK");
            authenticateSelect = imap.command("a2", "EXAMINE INBOX");
        }

        assertThat(loginSelect).anyMatch(line -> line.matches("\\* [1-9][0-9]* EXISTS")).last().asString().startsWith("a2 OK");
        assertThat(authenticateSelect).anyMatch(line -> line.matches("\\* [1-9][0-9]* EXISTS")).last().asString().startsWith("a2 OK");
    }

    @Test
    void loginShouldAnswerBadAndKeepConnectionWhenUserIdIsNeitherNameNorDelegation() throws Exception {
        List<List<String>> answers = new ArrayList<>();
        List<String> after;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            answers.add(imap.command("a1", "LOGIN \"a@example.net*b@example.net*\" \"" + PASSWORD + "\""));
            answers.add(imap.command("a2", "LOGIN \"*a@example.net*b@example.net\" \"" + PASSWORD + "\""));
            after = imap.command("a3", "NOOP");
        }

        assertThat(answers.get(0)).last().asString().startsWith("a1 BAD").contains("not a user name");
        assertThat(answers.get(1)).last().asString().startsWith("a2 BAD").contains("not a user name");
        assertThat(after).last().asString().startsWith("a3 OK");
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
    void revocationShouldEndDelegatedSessionInIdleAtOnce() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        long id = consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));

        String bye;
        Duration waited;
        try (ImapConversation imap = idlingDelegate(citizen, representative)) {
            Instant revokedAt = Instant.now();
            HttpResponse<String> revoked = WebAdmin.call(gateway, "DELETE", "/consents/" + id, null);
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
            bye = imap.readLine();
            waited = Duration.between(revokedAt, Instant.now());
        }

        assertThat(bye).startsWith("* BYE").contains("consent");
        assertThat(waited).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void consentEndShouldEndDelegatedSessionInIdleWhenEndPasses() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        Instant end = Instant.now().plusSeconds(4);
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), end);

        String bye;
        Instant byeAt;
        try (ImapConversation imap = idlingDelegate(citizen, representative)) {
            bye = imap.readLine();
            byeAt = Instant.now();
        }

        assertThat(bye).startsWith("* BYE").contains("consent");
        assertThat(byeAt).isAfterOrEqualTo(end).isBefore(end.plusSeconds(4));
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
        HttpResponse<String> audit = WebAdmin.call(gateway, "GET", "/audit", null);

        assertThat(noConsent).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
        assertThat(wrongPassword).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
        assertThat(audit.body().lines().filter(line -> line.contains("\"action\":\"LOGIN_FAILED\"") && line.contains("protocol=imap")
            && line.contains("\"" + citizen + "\""))).hasSize(2);
    }

    @Test
    void readScopeShouldRefuseEveryChangeButSeenWhenCommandsAreSentRaw() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        String message = "Subject: forged\r\n\r\nnot from the citizen\r\n";
        List<String> changes = List.of("STORE 1 +FLAGS (\\Deleted)", "UID STORE 1:* +FLAGS.SILENT (\\Flagged)",
            "STORE 1 -FLAGS (\\Seen \\Answered)", "STORE 1 FLAGS (\\Seen)", "STORE 1 +FLAGS (custom)", "EXPUNGE",
            "UID EXPUNGE 1:*", "COPY 1 INBOX", "MOVE 1 Trash", "UID MOVE 1:* Trash", "CREATE Evidence", "DELETE Trash",
            "RENAME Trash Gone", "SUBSCRIBE Trash", "SETACL INBOX someone@example.net lrswipkxtecda");
        int before = inboxMessages(citizen);
        String deleted = asCitizen(citizen, "STORE 1 +FLAGS (\\Deleted)");

        List<List<String>> refused = new ArrayList<>();
        List<String> append;
        List<String> seen;
        List<String> close;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "SELECT INBOX");
            for (int i = 0; i < changes.size(); i++) {
                refused.add(imap.command("c" + i, changes.get(i)));
            }
            imap.send("a3 APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            append = imap.linesUntilTagged("a3");
            seen = imap.command("a4", "STORE 1 +FLAGS (\\Seen)");
            close = imap.command("a5", "CLOSE");
        }
        int after = inboxMessages(citizen);

        assertThat(deleted).startsWith("c1 OK");
        for (int i = 0; i < changes.size(); i++) {
            assertThat(refused.get(i)).as(changes.get(i)).last().asString().startsWith("c" + i + " NO [NOPERM]").contains("consent");
        }
        assertThat(append).last().asString().startsWith("a3 NO [NOPERM]").contains("allows reading only");
        assertThat(seen).last().asString().startsWith("a4 OK");
        assertThat(close).noneMatch(line -> line.contains("EXPUNGE")).last().asString().startsWith("a5 OK");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void readScopeShouldDeleteSpooledLiteralAtOnceWhenAppendIsRefused() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        // Above the 10 MiB kept in memory: the literal is spooled to an encrypted temporary file.
        byte[] message = ("Subject: large\r\n\r\n" + "x".repeat(78) + "\r\n").repeat(11 * 1024 * 1024 / 80).getBytes(StandardCharsets.US_ASCII);

        List<String> append;
        long spooledAfterRefusal;
        List<String> after;
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + PASSWORD + "\"");
            imap.send("a2 APPEND INBOX {" + message.length + "+}\r\n");
            imap.sendBytes(message, 0, message.length);
            imap.send("\r\n");
            append = imap.linesUntilTagged("a2");
            spooledAfterRefusal = spooledLiterals();
            after = imap.command("a3", "NOOP");
        }

        assertThat(append).last().asString().startsWith("a2 NO [NOPERM]").contains("allows reading only");
        assertThat(spooledAfterRefusal).as("spooled IMAP literals left while the session is open").isZero();
        assertThat(after).last().asString().startsWith("a3 OK");
    }

    @Test
    void readScopeShouldLetMailClientReadAndMarkSeenButNotDelete() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        int before = inboxMessages(citizen);

        Store store = MailClients.imaps(gateway.imapsPort(), citizen + "*" + representative, PASSWORD);
        String subject;
        boolean markedSeen;
        MessagingException deleting = null;
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message first = inbox.getMessage(1);
            subject = first.getSubject();
            first.setFlag(Flags.Flag.SEEN, true);
            markedSeen = first.isSet(Flags.Flag.SEEN);
            try {
                first.setFlag(Flags.Flag.DELETED, true);
            } catch (MessagingException refused) {
                deleting = refused;
            }
            inbox.close(true);
        } finally {
            store.close();
        }

        assertThat(subject).isEqualTo(WELCOME_SUBJECT);
        assertThat(markedSeen).isTrue();
        assertThat(deleting).isNotNull().hasMessageContaining("consent");
        assertThat(inboxMessages(citizen)).isEqualTo(before);
    }

    @Test
    void readReplyRepresentativeShouldReplyFromCitizenAddressWithGatewaySetOnBehalfOfForStaff() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        long id = consent(citizen, representative, "read-reply", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        String subject = "on behalf " + UUID.randomUUID();

        String login;
        String sent;
        try (SmtpConversation smtp = submission()) {
            login = smtp.authLogin(citizen + "*" + representative, PASSWORD);
            sent = smtp.mail(citizen, TOPIC, "From: " + citizen + "\r\nSender: " + representative + "\r\nTo: " + TOPIC
                + "\r\nX-SMG-On-Behalf-Of: Chief Executive\r\nSubject: " + subject + "\r\n\r\nFor my client.\r\n");
        }
        MimeMessage atStaff = smartHost.awaitMessage("eco@staff.example", subject);

        assertThat(login).startsWith("235");
        assertThat(sent).startsWith("250");
        assertThat(atStaff.getHeader("X-SMG-On-Behalf-Of")).containsExactly(representative + " consent=" + id);
        assertThat(atStaff.getHeader("Sender")).containsExactly(representative);
        assertThat(((InternetAddress) atStaff.getFrom()[0]).getAddress()).isEqualTo(citizen);
    }

    @Test
    void readScopeShouldAcceptSmtpLoginButRefuseSendingOnBehalf() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));

        String login;
        String mail;
        try (SmtpConversation smtp = submission()) {
            login = smtp.authPlain(citizen + "*" + representative, PASSWORD);
            mail = smtp.command("MAIL FROM:<" + citizen + ">");
        }

        assertThat(login).startsWith("235");
        assertThat(mail).startsWith("550 5.7.1").contains("allows reading only, not sending");
    }

    @Test
    void revocationShouldEndOpenSmtpSessionAndNoConsentShouldLookLikeWrongPassword() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        String stranger = registered("representative");
        long id = consent(citizen, representative, "read-reply", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        String authzid = Base64.getEncoder().encodeToString((citizen + "\0" + representative + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        String login;
        String afterRevocation;
        String noConsent;
        try (SmtpConversation smtp = submission()) {
            login = smtp.command("AUTH PLAIN " + authzid);
            WebAdmin.call(gateway, "DELETE", "/consents/" + id, null);
            afterRevocation = smtp.reply();
        }
        try (SmtpConversation smtp = submission()) {
            noConsent = smtp.authPlain(citizen + "*" + stranger, PASSWORD);
        }

        assertThat(login).startsWith("235");
        assertThat(afterRevocation).startsWith("421 4.7.0").contains("consent").contains("no longer valid");
        assertThat(noConsent).startsWith("535 5.7.8 Authentication credentials invalid");
    }

    @Test
    void citizenShouldBeNotifiedWithoutContentWhenAccessIsGrantedAndRevoked() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");

        long id = consent(citizen, representative, "read", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS));
        MimeMessage granted = smartHost.awaitMessage(EMAILS.get(citizen), "A representative can now read your secure inbox");
        WebAdmin.call(gateway, "DELETE", "/consents/" + id, null);
        MimeMessage revoked = smartHost.awaitMessage(EMAILS.get(citizen), "A representative's access to your secure inbox has ended");

        assertThat(String.valueOf(granted.getContent())).contains("until").doesNotContain(representative);
        assertThat(String.valueOf(revoked.getContent())).contains("can no longer read").doesNotContain(representative);
        assertThat(smartHost.receivedFor(EMAILS.get(representative)))
            .noneMatch(message -> subject(message).contains("representative"));
    }

    @Test
    void citizenShouldBeNotifiedWhenFutureConsentStartsAndWhenItsEndPasses() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");
        Instant start = Instant.now().plusSeconds(3);
        Instant end = start.plusSeconds(3);

        consent(citizen, representative, "read", start, end);
        boolean startedEarly = smartHost.holds(EMAILS.get(citizen), "A representative can now read your secure inbox");
        MimeMessage started = smartHost.awaitMessage(EMAILS.get(citizen), "A representative can now read your secure inbox");
        Instant startedSeen = Instant.now();
        MimeMessage ended = smartHost.awaitMessage(EMAILS.get(citizen), "A representative's access to your secure inbox has ended");
        Instant endedSeen = Instant.now();

        assertThat(startedEarly).as("no start notice before the start").isFalse();
        assertThat(startedSeen).isAfterOrEqualTo(start);
        assertThat(endedSeen).isAfterOrEqualTo(end);
        assertThat(String.valueOf(started.getContent())).contains("until").doesNotContain(representative);
        assertThat(String.valueOf(ended.getContent())).contains("can no longer read").doesNotContain(representative);
    }

    @Test
    void smgConsentCommandsShouldAddListAndRevokeAConsent() throws Exception {
        String citizen = registered("citizen");
        String representative = registered("representative");

        SmgCommand added = SmgCommand.run(gateway, "consent", "add", "--form", "15314", "--representative", representative,
            "--citizen", citizen, "--scope", "read-reply", "--start", "2026-01-01T00:00:00-05:00", "--end", "2099-01-01T00:00:00-05:00");
        Matcher id = Pattern.compile("(?m)^id:\\s+(\\d+)$").matcher(added.out());
        assertThat(id.find()).as(added.out()).isTrue();
        SmgCommand listed = SmgCommand.run(gateway, "consent", "list", citizen);
        SmgCommand revoked = SmgCommand.run(gateway, "consent", "revoke", id.group(1));
        SmgCommand again = SmgCommand.run(gateway, "consent", "revoke", id.group(1));
        List<String> login = delegatedLogin(citizen, representative, PASSWORD);

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(id.group(1), "15314", representative, "read-reply");
        assertThat(revoked.code()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("consent " + id.group(1) + " revoked");
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("revoked already");
        assertThat(login).last().isEqualTo("a1 " + WRONG_PASSWORD_ANSWER);
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

    /** A delegated session with INBOX selected, in IDLE (the continuation read). */
    private static ImapConversation idlingDelegate(String citizen, String representative) throws Exception {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("a1", "LOGIN \"" + citizen + "*" + representative + "\" \"" + PASSWORD + "\"")).last().asString().startsWith("a1 OK");
        assertThat(imap.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");
        imap.send("a3 IDLE\r\n");
        assertThat(imap.readLine()).startsWith("+");
        return imap;
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A submission connection after EHLO, STARTTLS and EHLO again, ready for AUTH. */
    private static SmtpConversation submission() throws Exception {
        SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort());
        smtp.reply();
        smtp.command("EHLO laptop");
        smtp.startTls();
        smtp.command("EHLO laptop");
        return smtp;
    }

    /** The IMAP literal spool files in the gateway's temporary directory now. */
    private static long spooledLiterals() throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(gateway.dataDirectory().resolve("tmp"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("imap-literal-")).count();
        }
    }

    /** Messages in the citizen's INBOX, as the citizen's own session sees them. */
    private static int inboxMessages(String citizen) throws Exception {
        return MailClients.inboxCount(gateway.imapsPort(), citizen, PASSWORD);
    }

    /** One command in the citizen's own session, INBOX selected; returns its tagged answer. */
    private static String asCitizen(String citizen, String command) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN \"" + citizen + "\" \"" + PASSWORD + "\"");
            imap.command("a2", "SELECT INBOX");
            List<String> answer = imap.command("c1", command);
            return answer.get(answer.size() - 1);
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
        Enrolment.Enrolled enrolled = Enrolment.register(gateway, role + person + "@example.net", "Person Number" + person, PASSWORD);
        EMAILS.put(enrolled.address(), enrolled.email());
        return enrolled.address();
    }
}
