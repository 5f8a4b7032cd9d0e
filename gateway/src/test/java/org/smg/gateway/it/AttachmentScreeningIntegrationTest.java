package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smg.gateway.attachments.SampleFiles;
import org.smg.gateway.attachments.SmimeSamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every message that enters over SMTP passes the attachment policy and a real clamd scan before the reply to
 * DATA: the acceptance list of the attachment issue, sent by a staff MTA on the relay port to a citizen's
 * secure inbox. Each refused file is named in the reply and kept in quarantine; clean files reach the INBOX.
 * The policy of this gateway allows 1 MB per file and 3 attachments, so the size and count cases stay small.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentScreeningIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILE_SIZE = 1 << 20;

    @RegisterExtension
    static final GatewayProcess gateway = withSmallLimits(GatewayProcess.perTestClass());

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
            Arguments.of("eicar.pdf", SampleFiles.eicar(), "554 5.7.1"),
            Arguments.of("records.zip", SampleFiles.eicarInZip(), "554 5.7.1"),
            Arguments.of("nested.zip", SampleFiles.eicarInZipInZip(), "554 5.7.1"),
            Arguments.of("report.pdf", SampleFiles.elfExecutable(), "554 5.7.1"),
            Arguments.of("invoice.pdf", SampleFiles.peExecutable(), "554 5.7.1"),
            Arguments.of("budget.docm", SampleFiles.docm(), "554 5.7.1"),
            Arguments.of("letter.docx", SampleFiles.docxWithHiddenVbaProject(), "554 5.7.1"),
            Arguments.of("archive.docx", SampleFiles.zipOfAllowedFiles(), "554 5.7.1"),
            Arguments.of("protected.zip", SampleFiles.passwordProtectedZip(), "554 5.7.1"),
            Arguments.of("locked.pdf", SampleFiles.encryptedPdf(), "554 5.7.1"),
            Arguments.of("form.pdf", SampleFiles.pdfWithJavaScript(), "554 5.7.1"),
            Arguments.of("bomb.zip", SampleFiles.nestedZipBomb(), "554 5.7.1"),
            Arguments.of("overlap.zip", SampleFiles.overlappingZipBomb(), "554 5.7.1"),
            Arguments.of("large.txt", oversizeText(), "552 5.3.4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void dataShouldBeRefusedNamingTheFileAndQuarantinedWhenAttachmentBreaksPolicy(String fileName, byte[] content,
                                                                                   String expectedReply) throws Exception {
        String subject = "refused " + UUID.randomUUID();

        String reply = SmtpSend.relay(gateway, AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), subject)
            .attach(fileName, content));

        assertThat(reply).startsWith(expectedReply).contains("\"" + fileName);
        String reference = reply.substring(reply.lastIndexOf("reference ") + "reference ".length()).strip();
        JsonNode quarantined = JSON.readTree(WebAdmin.call(gateway, "GET", "/quarantine/" + reference, null).body());
        assertThat(quarantined.toString()).contains(fileName);
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
            .doesNotContain(subject);
    }

    @Test
    void dataShouldBeRefusedWhenMessageHasMoreAttachmentsThanPolicyAllows() throws Exception {
        AttachedMessage message = AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), "many " + UUID.randomUUID());
        for (int i = 1; i <= 4; i++) {
            message.attach("page-" + i + ".pdf", SampleFiles.cleanPdf());
        }

        String reply = SmtpSend.relay(gateway, message);

        assertThat(reply).startsWith("554 5.7.1").contains("more than the 3 attachments allowed");
    }

    @Test
    void cleanFilesShouldReachTheInboxWhenEveryTypeIsAllowed() throws Exception {
        String subject = "clean " + UUID.randomUUID();
        AttachedMessage message = AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), subject)
            .attach("statement.pdf", SampleFiles.cleanPdf())
            .attach("letter.docx", SampleFiles.docx())
            .attach("figures.xlsx", SampleFiles.xlsx());
        String zipped = "zipped " + UUID.randomUUID();
        AttachedMessage second = AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), zipped)
            .attach("photo.jpg", SampleFiles.jpeg())
            .attach("documents.zip", SampleFiles.zipOfAllowedFiles());

        String firstReply = SmtpSend.relay(gateway, message);
        String secondReply = SmtpSend.relay(gateway, second);

        assertThat(firstReply).startsWith("250");
        assertThat(secondReply).startsWith("250");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
                .contains(subject, zipped));
    }

    @Test
    void signedMailShouldReachTheInboxWhenItsSignatureIsARealDetachedSignature() throws Exception {
        String subject = "signed " + UUID.randomUUID();

        String reply = SmtpSend.relay(gateway, SmtpSend.CLERK, gateway.demoAddress(), SmimeSamples.signedMessage(SmtpSend.CLERK, gateway.demoAddress(), subject));

        assertThat(reply).startsWith("250");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
                .contains(subject));
    }

    @Test
    void dataShouldBeRefusedNamingTheSignatureWhenSignaturePartIsAnExecutable() throws Exception {
        String subject = "fake signature " + UUID.randomUUID();

        String reply = SmtpSend.relay(gateway, SmtpSend.CLERK, gateway.demoAddress(), SmimeSamples.signedMessage(SmtpSend.CLERK, gateway.demoAddress(), subject,
            SampleFiles.peExecutable()));

        assertThat(reply).startsWith("554 5.7.1").contains("\"smime.p7s");
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
            .doesNotContain(subject);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void quarantinedMailShouldBeReleasedOnlyWhenItPassesAgain() throws Exception {
        String subject = "held " + UUID.randomUUID();
        AttachedMessage pages = AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), subject);
        for (int i = 1; i <= 4; i++) {
            pages.attach("page-" + i + ".pdf", SampleFiles.cleanPdf());
        }
        String tooMany = reference(SmtpSend.relay(gateway, pages));
        String infected = reference(SmtpSend.relay(gateway, AttachedMessage.from("clerk@staff.example", gateway.demoAddress(), "virus")
            .attach("records.zip", SampleFiles.eicarInZip())));
        String citizenSubject = "citizen held " + UUID.randomUUID();
        AttachedMessage citizenPages = AttachedMessage.from(gateway.demoAddress(), "eco-credits@gateway.localhost", citizenSubject);
        for (int i = 1; i <= 4; i++) {
            citizenPages.attach("form-" + i + ".pdf", SampleFiles.cleanPdf());
        }
        String citizenMail = reference(SmtpSend.submit(gateway, gateway.demoAddress(), gateway.demoPassword(), citizenPages.to(), citizenPages.raw()));
        Path policy = gateway.root().resolve("conf/policies/attachments.yaml");
        String smallLimits = Files.readString(policy);

        SmgCommand listed = SmgCommand.run(gateway, "quarantine", "list", "--json");
        int stillRefused = WebAdmin.call(gateway, "POST", "/quarantine/" + tooMany + "/release", null).statusCode();
        Files.writeString(policy, smallLimits.replace("maxAttachments: 3", "maxAttachments: 5"));
        try {
            assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).statusCode()).isEqualTo(200);
            SmgCommand released = SmgCommand.run(gateway, "quarantine", "release", tooMany);
            int citizenRelease = WebAdmin.call(gateway, "POST", "/quarantine/" + citizenMail + "/release", null).statusCode();
            int virusRelease = WebAdmin.call(gateway, "POST", "/quarantine/" + infected + "/release", null).statusCode();

            assertThat(listed.code()).isZero();
            assertThat(listed.out()).contains(tooMany).contains(infected);
            assertThat(stillRefused).isEqualTo(409);
            assertThat(released.code()).as(released.err()).isZero();
            assertThat(virusRelease).isEqualTo(409);
            assertThat(citizenRelease).isEqualTo(200);
            // Released citizen mail is still the citizen's: routed to the topic's staff address (held: no smart host here).
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(WebAdmin.repositoryMails(gateway, "var/mail/outbound-held"))
                    .anyMatch(mail -> mail.path("recipients").toString().contains("eco@staff.example")));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()))
                    .contains(subject));
            assertThat(WebAdmin.call(gateway, "GET", "/audit", null).body())
                .contains("MAIL_QUARANTINED").contains("QUARANTINE_RELEASED").contains(tooMany)
                .contains("\"action\":\"MAIL_SCANNED\"").contains("\"outcome\":\"clean\"");
        } finally {
            Files.writeString(policy, smallLimits);
            WebAdmin.call(gateway, "POST", "/policies/reload", null);
        }
    }

    private static String reference(String reply) {
        assertThat(reply).startsWith("554").contains("reference ");
        return reply.substring(reply.lastIndexOf("reference ") + "reference ".length()).strip();
    }

    private static byte[] oversizeText() {
        byte[] text = new byte[MAX_FILE_SIZE + 1];
        Random random = new Random(8);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + random.nextInt(26));
        }
        return text;
    }

    /** This class's gateway gets the shipped policies with 1 MB per file and at most 3 attachments. */
    private static GatewayProcess withSmallLimits(GatewayProcess process) {
        try {
            Path policies = process.root().resolve("conf/policies");
            GatewayProcess.copyPolicies(policies);
            Files.writeString(policies.resolve("attachments.yaml"), "default:\n  maxFileSize: 1M\n  maxAttachments: 3\n");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
