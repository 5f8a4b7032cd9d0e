package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The records store over the wire: a staff mail the citizen deleted and expunged over IMAP is still
 * listed, read byte for byte, exported (mbox, ZIP) and restored into the INBOX by an administrator;
 * a citizen's mail to staff is recorded once the smart host took it; holds are placed and released.
 * GreenMail is the smart host holding the staff mailboxes.
 */
class RecordsIntegrationTest {
    private static final int SMART_HOST_PORT = FreePorts.pick(1).get(0);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    static final GatewayProcess gateway = SmartHostFixture.gateway("localhost", SMART_HOST_PORT);

    private static GreenMail smartHost;

    @BeforeAll
    static void startSmartHost() {
        smartHost = SmartHostFixture.start(SMART_HOST_PORT);
    }

    @AfterAll
    static void stopSmartHost() {
        smartHost.stop();
    }

    @Test
    void recordShouldStayListedReadableExportableAndRestorableWhenTheCitizenExpungesTheMessage() throws Exception {
        String subject = "Case file " + UUID.randomUUID();
        relay("clerk@staff.example", gateway.demoAddress(), "From: Clerk <clerk@staff.example>\r\nSubject: " + subject
            + "\r\nMessage-ID: <" + UUID.randomUUID() + "@staff.example>\r\n\r\nFrom the start of a line, your case.\r\nBye.\r\n");
        byte[] delivered = deleteAndExpunge(subject);

        JsonNode record = recordWithSubject(subject, delivered);
        String id = record.get("id").asText();
        HttpResponse<byte[]> content = get("/records/" + id);
        Instant date = Instant.parse(record.get("date").asText());
        String range = "?from=" + date + "&to=" + date.plusMillis(1);
        HttpResponse<byte[]> mbox = get("/accounts/" + gateway.demoAddress() + "/records/export" + range + "&format=mbox");
        HttpResponse<byte[]> zip = get("/accounts/" + gateway.demoAddress() + "/records/export" + range + "&format=zip");
        HttpResponse<String> restored = WebAdmin.call(gateway, "POST", "/records/" + id + "/restore", null);

        assertThat(inboxSubjects()).as("restored into the INBOX").contains(subject);
        assertThat(record.get("direction").asText()).isEqualTo("in");
        assertThat(record.get("sender").asText()).isEqualTo("clerk@staff.example");
        assertThat(record.get("recipient").asText()).isEqualTo(gateway.demoAddress());
        assertThat(record.get("size").asLong()).isEqualTo(content.body().length);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("message/rfc822"));
        assertThat(content.body()).as("the record is the INBOX copy byte for byte").isEqualTo(delivered);
        assertThat(parse(content.body()).getSubject()).isEqualTo(subject);
        assertThat(mbox.statusCode()).isEqualTo(200);
        assertThat(parse(unMbox(mbox.body())).getSubject()).isEqualTo(subject);
        assertThat(unMbox(mbox.body())).isEqualTo(content.body());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(unZip(zip.body())).singleElement().satisfies(eml -> assertThat(eml).isEqualTo(content.body()));
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(JSON.readTree(restored.body()).get("mailbox").asText()).isEqualTo("INBOX");
        assertThat(WebAdmin.call(gateway, "GET", "/audit", null).body())
            .contains("RECORD_VIEWED", "RECORD_EXPORTED", "RECORD_RESTORED", id);
    }

    @Test
    void citizenMailShouldBeRecordedOutWhenTheSmartHostTookIt() throws Exception {
        String subject = "Question " + UUID.randomUUID();
        String reply;
        reply = SmtpSend.submit(gateway, gateway.demoAddress(), gateway.demoPassword(), "eco-credits@gateway.localhost",
            "From: " + gateway.demoAddress() + "\r\nTo: eco-credits@gateway.localhost\r\nSubject: " + subject + "\r\n\r\nAbout my credit.\r\n");
        awaitStaffMail("eco@staff.example", subject);

        JsonNode record = await().atMost(Duration.ofSeconds(30)).until(() -> outRecordWithSubject(subject), Objects::nonNull);

        assertThat(reply).startsWith("250");
        assertThat(record.get("recipient").asText()).isEqualTo("eco@staff.example");
        assertThat(record.get("sender").asText()).isEqualTo(gateway.demoAddress());
        assertThat(record.get("program").asText()).isEqualTo("ECO");
    }

    @Test
    void holdShouldBePlacedShownAndReleasedOnAnAccountAndAProgram() throws Exception {
        String account = "/accounts/" + gateway.demoAddress() + "/hold";
        String program = "/records/program-hold?program=" + URLEncoder.encode("LB&I", StandardCharsets.UTF_8);

        HttpResponse<String> placed = WebAdmin.call(gateway, "PUT", account, null);
        boolean listedHeld = recordsOf(gateway.demoAddress()).stream().allMatch(entry -> entry.get("held").asBoolean());
        HttpResponse<String> programPlaced = WebAdmin.call(gateway, "PUT", program, null);
        String holds = WebAdmin.call(gateway, "GET", "/records/holds", null).body();
        HttpResponse<String> released = WebAdmin.call(gateway, "DELETE", account, null);
        HttpResponse<String> releasedAgain = WebAdmin.call(gateway, "DELETE", account, null);
        HttpResponse<String> programReleased = WebAdmin.call(gateway, "DELETE", program, null);
        HttpResponse<String> unknownAccount = WebAdmin.call(gateway, "PUT", "/accounts/nobody@gateway.localhost/hold", null);
        HttpResponse<String> unknownProgram = WebAdmin.call(gateway, "PUT", "/records/program-hold?program=NOPE", null);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(JSON.readTree(placed.body()).get("held").asBoolean()).isTrue();
        assertThat(listedHeld).isTrue();
        assertThat(programPlaced.statusCode()).isEqualTo(200);
        assertThat(holds).contains(gateway.demoAddress(), "LB&I");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(releasedAgain.statusCode()).isEqualTo(404);
        assertThat(programReleased.statusCode()).isEqualTo(200);
        assertThat(unknownAccount.statusCode()).isEqualTo(404);
        assertThat(unknownProgram.statusCode()).isEqualTo(400);
        assertThat(unknownProgram.body()).contains("no program 'NOPE'");
        assertThat(WebAdmin.call(gateway, "GET", "/audit", null).body()).contains("RECORD_HOLD_CHANGED");
    }

    @Test
    void smgRecordsListShouldPrintTheAccountsRecordsWithTheirDirection() throws Exception {
        String subject = "Listed " + UUID.randomUUID();
        relay("clerk@staff.example", gateway.demoAddress(), "From: clerk@staff.example\r\nSubject: " + subject + "\r\n\r\nHello.\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSubjects().contains(subject));

        SmgCommand listed = SmgCommand.run(gateway, "records", "list", gateway.demoAddress(), "--json");

        assertThat(listed.code()).as(listed.err()).isZero();
        JsonNode records = JSON.readTree(listed.out());
        assertThat(records.size()).isPositive();
        assertThat(records.get(0).has("messageId")).isTrue();
        assertThat(listed.out()).contains("\"direction\":\"in\"", "clerk@staff.example");
    }

    @Test
    void recordsShouldAnswer404And400WhenTheRecordIsUnknownOrTheRangeIsBad() throws Exception {
        HttpResponse<byte[]> unknown = get("/records/no-such-record");
        HttpResponse<String> badDate = WebAdmin.call(gateway, "GET", "/accounts/" + gateway.demoAddress() + "/records?from=yesterday", null);
        HttpResponse<String> badFormat = WebAdmin.call(gateway, "GET",
            "/accounts/" + gateway.demoAddress() + "/records/export?format=pdf", null);
        HttpResponse<String> restoreUnknown = WebAdmin.call(gateway, "POST", "/records/no-such-record/restore", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("'from' must be an ISO-8601 instant");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(restoreUnknown.statusCode()).isEqualTo(404);
    }

    /** Waits for the mail in the INBOX, keeps its bytes as IMAP gives them, then deletes and expunges it. */
    private static byte[] deleteAndExpunge(String subject) throws Exception {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Store store = MailClients.imaps(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword())) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                for (Message message : inbox.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        message.writeTo(raw);
                        message.setFlag(Flags.Flag.DELETED, true);
                        inbox.expunge();
                        inbox.close(false);
                        return raw.toByteArray();
                    }
                }
                inbox.close(false);
                return null;
            }
        }, Objects::nonNull);
    }

    private static List<String> inboxSubjects() throws Exception {
        return MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword());
    }

    private static JsonNode recordWithSubject(String subject, byte[] delivered) throws Exception {
        assertThat(inboxSubjects()).doesNotContain(subject);
        String messageId = parse(delivered).getMessageID();
        return recordsOf(gateway.demoAddress()).stream().filter(entry -> entry.get("messageId").asText().equals(messageId))
            .findFirst().orElseThrow(() -> new AssertionError("no record with Message-ID " + messageId));
    }

    private static JsonNode outRecordWithSubject(String subject) throws Exception {
        for (JsonNode entry : recordsOf(gateway.demoAddress())) {
            if (entry.get("direction").asText().equals("out") && subject.equals(subjectOf(entry.get("id").asText()))) {
                return entry;
            }
        }
        return null;
    }

    private static List<JsonNode> recordsOf(String account) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "GET", "/accounts/" + account + "/records", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        JSON.readTree(response.body()).forEach(records::add);
        return records;
    }

    private static String subjectOf(String id) throws Exception {
        return parse(get("/records/" + id).body()).getSubject();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.webAdminPort() + path))
            .header("Authorization", "Bearer " + WebAdmin.hostToken(gateway)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    /** The one message of an mboxrd file: without its From line, the final empty line and the quoting. */
    private static byte[] unMbox(byte[] mbox) {
        String text = new String(mbox, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("From ").endsWith("\n");
        String message = text.substring(text.indexOf('\n') + 1, text.length() - 1);
        return message.replaceAll("(?m)^>(>*From )", "$1").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<byte[]> unZip(byte[] zip) throws Exception {
        List<byte[]> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".eml");
                entries.add(in.readAllBytes());
            }
        }
        return entries;
    }

    private static void relay(String sender, String to, String message) throws Exception {
        assertThat(SmtpSend.relay(gateway, sender, to, message)).startsWith("250");
    }

    private static void awaitStaffMail(String staff, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GreenMailUser user = smartHost.getUserManager().getUserByEmail(staff);
            if (user == null) {
                return false;
            }
            return smartHost.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .anyMatch(stored -> subject.equals(subjectOf(stored)));
        });
    }

    private static String subjectOf(com.icegreen.greenmail.store.StoredMessage stored) {
        try {
            return stored.getMimeMessage().getSubject();
        } catch (javax.mail.MessagingException e) {
            return null;
        }
    }
}
