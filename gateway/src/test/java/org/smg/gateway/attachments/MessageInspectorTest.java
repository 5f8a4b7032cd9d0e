package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.smg.gateway.attachments.TestMessages.ascii;
import static org.smg.gateway.attachments.TestMessages.attachment;
import static org.smg.gateway.attachments.TestMessages.message;
import static org.smg.gateway.attachments.TestMessages.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.model.AttachmentRules;

class MessageInspectorTest {
    private static final String VIRUS_MARKER = "TEST-VIRUS-MARKER";
    private static final String UNSCANNABLE_MARKER = "TEST-UNSCANNABLE-MARKER";
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();

    @TempDir
    Path directory;

    private final FakeScanner scanner = new FakeScanner();

    @Test
    void inspectShouldAcceptAndListAttachmentsWhenMessageIsClean() throws Exception {
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("report.pdf", TestMessages.pdf()), attachment("letter.docx", TestMessages.docx())));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.isRefused()).isFalse();
        assertThat(inspection.attachments()).extracting(InspectedPart::name, InspectedPart::detectedType).containsExactly(
            tuple("report.pdf", "application/pdf"),
            tuple("letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(inspection.attachments().get(0).size()).isEqualTo(TestMessages.pdf().length);
        assertThat(scanner.scans).isEqualTo(3);
    }

    @Test
    void inspectShouldRefuseVirusNamingSignatureWhenAttachmentIsInfected() throws Exception {
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("notes.txt", ascii("x " + VIRUS_MARKER))));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.VIRUS);
            assertThat(refusal.fileName()).isEqualTo("notes.txt");
            assertThat(refusal.explanation()).isEqualTo("contains a virus (Test.Marker)");
        });
    }

    @Test
    void inspectShouldScanBodiesWhenTheyAreNotAttachments() throws Exception {
        byte[] raw = TestMessages.bytes(message(text("body " + VIRUS_MARKER)));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().extracting(Refusal::reason, Refusal::fileName)
            .containsExactly(RefusalReason.VIRUS, "part 1");
        assertThat(inspection.attachments()).isEmpty();
    }

    @Test
    void inspectShouldRefuseUnscannableWhenScannerCannotScanPart() throws Exception {
        byte[] raw = TestMessages.bytes(message(attachment("notes.txt", ascii(UNSCANNABLE_MARKER))));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.UNSCANNABLE);
            assertThat(refusal.explanation()).contains("Heuristics.Limits.Exceeded");
        });
    }

    @Test
    void inspectShouldThrowScannerUnavailableWhenNoPolicyRefusalWasFound() throws Exception {
        scanner.available = false;
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("report.pdf", TestMessages.pdf())));

        assertThatThrownBy(() -> inspect(raw, DEFAULTS)).isInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void inspectShouldRefuseByPolicyWhenScannerIsUnavailable() throws Exception {
        scanner.available = false;
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("invoice.pdf", TestMessages.pe())));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().extracting(Refusal::reason).isEqualTo(RefusalReason.NAME_MISMATCH);
    }

    @Test
    void inspectShouldCollectEveryPolicyRefusalButStopScanningWhenRefusalIsCertain() throws Exception {
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("invoice.pdf", TestMessages.elf()),
            attachment("macro.docm", TestMessages.docm()), attachment("notes.txt", ascii(VIRUS_MARKER))));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::reason)
            .containsExactly(RefusalReason.NAME_MISMATCH, RefusalReason.MACRO_ENABLED);
        assertThat(scanner.scans).isEqualTo(1);
    }

    @Test
    void inspectShouldRefuseTooManyAttachmentsOnceWhenAboveLimit() throws Exception {
        AttachmentRules two = AttachmentRules.builder().maxAttachments(2).build();
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("a.pdf", TestMessages.pdf()),
            attachment("b.pdf", TestMessages.pdf()), attachment("c.pdf", TestMessages.pdf()), attachment("d.pdf", TestMessages.pdf())));

        Inspection inspection = inspect(raw, two);

        assertThat(inspection.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(RefusalReason.TOO_MANY_ATTACHMENTS);
            assertThat(refusal.describe()).isEqualTo("\"the message\": more than the 2 attachments allowed");
        });
    }

    @Test
    void inspectShouldCountAttachmentsOfForwardedMessagesWhenNested() throws Exception {
        AttachmentRules one = AttachmentRules.builder().maxAttachments(1).build();
        byte[] inner = TestMessages.bytes(message(text("inner"), attachment("setup.pdf", TestMessages.pe())));
        byte[] raw = TestMessages.bytes(message(text("outer"),
            TestMessages.forwarded(new MimeMessage(TestMessages.SESSION, new ByteArrayInputStream(inner)))));

        Inspection inspection = inspect(raw, one);

        assertThat(inspection.refusals()).extracting(Refusal::reason, Refusal::fileName).containsExactly(
            tuple(RefusalReason.NAME_MISMATCH, "setup.pdf"));
    }

    @Test
    void inspectShouldRefuseFileTooLargeAndGoOnWhenOneAttachmentIsAboveLimit() throws Exception {
        AttachmentRules small = AttachmentRules.builder().maxFileSize(2000).build();
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("big.pdf", new byte[2001]), attachment("x.pdf", TestMessages.elf())));

        Inspection inspection = inspect(raw, small);

        assertThat(inspection.refusals()).extracting(Refusal::reason, Refusal::fileName).containsExactly(
            tuple(RefusalReason.FILE_TOO_LARGE, "big.pdf"),
            tuple(RefusalReason.NAME_MISMATCH, "x.pdf"));
        assertThat(inspection.refusals().get(0).explanation()).isEqualTo("larger than the 1.9 KB allowed per file");
    }

    @Test
    void inspectShouldAcceptFileWhenExactlyAtSizeLimit() throws Exception {
        AttachmentRules small = AttachmentRules.builder().maxFileSize(2000).build();
        byte[] raw = TestMessages.bytes(message(attachment("notes.txt", ascii("a".repeat(2000)))));

        Inspection inspection = inspect(raw, small);

        assertThat(inspection.isRefused()).isFalse();
    }

    @Test
    void inspectShouldRefuseMessageTooLargeWhenDecodedPartsExceedTotal() throws Exception {
        AttachmentRules small = AttachmentRules.builder().maxMessageSize(3000).build();
        byte[] raw = TestMessages.bytes(message(text("Hello"), attachment("a.txt", ascii("a".repeat(2000))), attachment("b.txt", ascii("b".repeat(2000)))));

        Inspection inspection = inspect(raw, small);

        assertThat(inspection.refusals()).singleElement().extracting(Refusal::reason).isEqualTo(RefusalReason.MESSAGE_TOO_LARGE);
    }

    @Test
    void inspectShouldRefuseMalformedWithoutThrowingWhenMimeIsBroken() throws Exception {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n%%%%!!!!****\n--b--\n");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().extracting(Refusal::reason).isEqualTo(RefusalReason.MALFORMED);
    }

    @Test
    void inspectShouldRefuseMalformedAndLeaveNoSpoolFileWhenLargePartBreaksHalfway() throws Exception {
        String goodBase64 = Base64.getMimeEncoder().encodeToString(new byte[30_000]).replace("\r\n", "\n");
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n" + goodBase64 + "\n%%%%!!!!****\n--b--\n");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().extracting(Refusal::reason).isEqualTo(RefusalReason.MALFORMED);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void inspectShouldLeaveNoSpoolFileWhenPartsWereSpooledToDisk() throws Exception {
        byte[] raw = TestMessages.bytes(message(text("x".repeat(5000)), attachment("big.txt", ascii("y".repeat(50_000)))));

        inspect(raw, DEFAULTS);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void inspectShouldGiveSameResultWhenGivenMimeMessage() throws Exception {
        MimeMessage mail = message(text("Hello"), attachment("invoice.pdf", TestMessages.pe()), attachment("big.txt", ascii("z".repeat(300_000))));

        Inspection inspection = inspector().inspect(mail, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::reason).containsExactly(RefusalReason.NAME_MISMATCH);
        assertThat(inspection.attachments()).extracting(InspectedPart::name).containsExactly("invoice.pdf", "big.txt");
    }

    @Test
    void inspectShouldThrowIoExceptionNotMalformedWhenMimeMessageCannotBeWritten() throws Exception {
        MimeMessage failing = new MimeMessage(message(text("Hello"))) {
            @Override
            public void writeTo(OutputStream out) throws IOException, MessagingException {
                out.write("From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n".getBytes(StandardCharsets.US_ASCII));
                throw new MessagingException("store gone");
            }
        };

        assertThatThrownBy(() -> inspector().inspect(failing, DEFAULTS))
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(MalformedMessageException.class)
            .hasMessageContaining("store gone");
    }

    private Inspection inspect(byte[] raw, AttachmentRules rules) throws IOException, ScannerUnavailableException {
        return inspector().inspect(new ByteArrayInputStream(raw), rules);
    }

    private MessageInspector inspector() {
        TypeDetector detector = new TypeDetector();
        return new MessageInspector(new EncryptedSpool(1024, directory), detector, new PolicyFileInspector(detector, self -> Map.of()), scanner);
    }

    /** Flags a marker string as a virus, another as unscannable; can play a clamd that is down. */
    private static final class FakeScanner implements VirusScanner {
        boolean available = true;
        int scans;

        @Override
        public ScanResult scan(InputStream content) throws ScannerUnavailableException {
            if (!available) {
                throw new ScannerUnavailableException("clamd down");
            }
            scans++;
            try {
                String text = new String(content.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (text.contains(VIRUS_MARKER)) {
                    return ScanResult.infected("Test.Marker");
                }
                return text.contains(UNSCANNABLE_MARKER) ? ScanResult.unscannable("Heuristics.Limits.Exceeded") : ScanResult.clean();
            } catch (IOException e) {
                throw new ScannerUnavailableException("read failed", e);
            }
        }
    }
}
