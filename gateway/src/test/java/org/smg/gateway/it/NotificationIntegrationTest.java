package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.http.HttpResponse;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * Content-free notifications and DKIM, over the wire: staff mail relayed to the demo citizen gives
 * one notification at the citizen's external address (GreenMail as the smart host and the
 * citizen's provider), made only of the template, and DKIM-signed with the key whose record
 * {@code GET /dkim} publishes, as James's jDKIM verifier checks. Ten messages in a row give one
 * notification, and one follow-up when the interval (set to its minimum, 1m) ends with the mail
 * unread; that no follow-up comes for mail read in time is proven by {@code NotifierTest} with a
 * fixed clock, to keep this class short. The demo citizen is shared: the first test needs no
 * notification before it, the last one moves the citizen's notification address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationIntegrationTest {
    private static final int SMART_HOST_PORT = FreePorts.pick(1).get(0);
    private static final String DEMO_EMAIL = "demo.citizen@example.net";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    @Order(1)
    void tenDeliveriesShouldGiveOneSignedContentFreeNotificationWhenTheyArriveWithinTheInterval() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String sender = "clerk" + token + "@staff.example";
        String subject = "Subjecttoken" + token;
        String body = "Bodytoken" + token;
        String fileName = "Filetoken" + token + ".txt";
        Path notifications = gateway.root().resolve("conf/policies/notifications.yaml");
        Files.writeString(notifications, Files.readString(notifications).replace("interval: 15m", "interval: 1m"));
        assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).statusCode()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            assertThat(SmtpSend.relay(gateway, sender, gateway.demoAddress(), caseFile(sender, subject, body, fileName))).startsWith("250");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications().size() >= 1);
        long first = System.nanoTime();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> notifications().size() == 1);
        assertThat(MailClients.inboxCount(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword())).isEqualTo(10);
        String raw = raw(notifications().get(0));
        assertThat(raw).doesNotContainIgnoringCase(token).doesNotContain(gateway.demoAddress())
            .contains("Energy Credits Online", "/signin").contains("Auto-Submitted: auto-generated");
        assertThat(notifications().get(0).getFrom()[0].toString()).contains("no-reply@");
        assertThat(verifiedSignatures(raw)).singleElement()
            .satisfies(signature -> assertThat(signature.getSelector().toString()).isEqualTo("smg"));
        String tampered = raw.replace("sign in at", "sign in at https://evil.example/ or");
        assertThat(tampered).isNotEqualTo(raw);
        assertThatThrownBy(() -> verifiedSignatures(tampered)).isInstanceOf(FailException.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> notifications().size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - first)).as("the follow-up waits for the interval's end")
            .isGreaterThan(Duration.ofSeconds(50));
        assertThat(raw(notifications().get(1))).doesNotContainIgnoringCase(token);
    }

    @Test
    @Order(2)
    void invitationEmailShouldBeDkimSignedWhenItLeavesWithTheGatewaysFrom() throws Exception {
        String email = "sam-" + UUID.randomUUID() + "@example.org";

        WebAdmin.invite(gateway, email);

        MimeMessage invitation = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smartHost.getReceivedMessages())
            .filter(message -> SmartHostFixture.recipients(message).contains(email)).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(verifiedSignatures(raw(invitation))).hasSize(1);
    }

    @Test
    @Order(2)
    void dkimRecordShouldBePrintedAtStartAndServedOnWebAdmin() throws Exception {
        JsonNode answer = JSON.readTree(WebAdmin.call(gateway, "GET", "/dkim", null).body());

        assertThat(answer.get("selector").asText()).isEqualTo("smg");
        assertThat(answer.get("records").get(0).get("name").asText()).isEqualTo("smg._domainkey." + domain());
        assertThat(answer.get("records").get(0).get("value").asText()).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(gateway.output()).contains("dkim smg._domainkey." + domain() + ". IN TXT \"v=DKIM1; k=rsa; p=");
    }

    @Test
    @Order(3)
    void notificationAddressShouldChangeOnlyWhenTheLinkMailedToTheNewAddressIsConfirmed() throws Exception {
        String fresh = "demo.new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Browser citizen = new Browser(gateway);
        citizen.get("/signin");
        citizen.submit("/signin", "address", gateway.demoAddress(), "password", gateway.demoPassword());
        citizen.get("/account");

        HttpResponse<String> requested = citizen.submit("/account/email", "email", fresh);

        assertThat(requested.statusCode()).isEqualTo(200);
        assertThat(Browser.text(requested)).contains("A confirmation link was sent to the new address");
        assertThat(accountEmail()).isEqualTo(DEMO_EMAIL);
        MimeMessage confirmation = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smartHost.getReceivedMessages())
            .filter(message -> SmartHostFixture.recipients(message).contains(fresh)).findFirst().orElse(null), java.util.Objects::nonNull);
        String raw = raw(confirmation);
        assertThat(raw).doesNotContain(gateway.demoAddress());
        assertThat(verifiedSignatures(raw)).hasSize(1);
        Matcher link = Pattern.compile("https://\\S+/email/[A-Za-z0-9_-]{43}").matcher(raw);
        assertThat(link.find()).isTrue();
        Browser newMailbox = new Browser(gateway);
        assertThat(newMailbox.get(Browser.pathOf(link.group())).statusCode()).isEqualTo(200);
        assertThat(accountEmail()).isEqualTo(DEMO_EMAIL);
        HttpResponse<String> confirmed = newMailbox.submit(Browser.pathOf(link.group()));
        assertThat(Browser.text(confirmed)).contains("Notification address changed");
        assertThat(accountEmail()).isEqualTo(fresh);
        assertThat(new Browser(gateway).get(Browser.pathOf(link.group())).statusCode()).isEqualTo(410);
    }

    private static String accountEmail() throws Exception {
        return JSON.readTree(WebAdmin.call(gateway, "GET", "/accounts/" + gateway.demoAddress(), null).body()).get("email").asText();
    }

    private static String caseFile(String sender, String subject, String body, String fileName) {
        return "From: Clerk " + subject + " <" + sender + ">\r\n"
            + "To: " + gateway.demoAddress() + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain\r\n\r\n" + body + "\r\n"
            + "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"" + fileName + "\"\r\n\r\n"
            + "Case notes " + body + "\r\n--b1--";
    }

    private static List<MimeMessage> notifications() {
        return Arrays.stream(smartHost.getReceivedMessages())
            .filter(message -> SmartHostFixture.recipients(message).contains(DEMO_EMAIL))
            .toList();
    }

    private static List<SignatureRecord> verifiedSignatures(String raw) throws Exception {
        String txt = JSON.readTree(WebAdmin.call(gateway, "GET", "/dkim", null).body()).get("records").get(0).get("value").asText();
        PublicKeyRecordRetriever dns = (method, selector, domain) ->
            ("smg".contentEquals(selector) && domain().contentEquals(domain)) ? List.of(txt) : List.of();
        return new DKIMVerifier(dns).verify(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String domain() {
        return gateway.demoAddress().substring(gateway.demoAddress().indexOf('@') + 1);
    }

    private static String raw(MimeMessage message) throws MessagingException, java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
