package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smg.policies.model.AttachmentRules;

/**
 * The inspector as the gateway wires it (every content check on its type) gives each sample its own reason:
 * the checks are reached, not only written. The scanner here flags the EICAR string, as the real clamd does.
 */
class InspectionModuleTest {
    @TempDir
    Path spool;

    static Stream<Arguments> samples() {
        return Stream.of(
            Arguments.of("eicar.txt", SampleFiles.eicar(), RefusalReason.VIRUS),
            Arguments.of("eicar.pdf", SampleFiles.eicar(), RefusalReason.NAME_MISMATCH),
            Arguments.of("report.pdf", SampleFiles.elfExecutable(), RefusalReason.NAME_MISMATCH),
            Arguments.of("budget.docm", SampleFiles.docm(), RefusalReason.MACRO_ENABLED),
            Arguments.of("letter.docx", SampleFiles.docxWithHiddenVbaProject(), RefusalReason.MACRO_ENABLED),
            Arguments.of("protected.zip", SampleFiles.passwordProtectedZip(), RefusalReason.ENCRYPTED),
            Arguments.of("locked.pdf", SampleFiles.encryptedPdf(), RefusalReason.ENCRYPTED),
            Arguments.of("form.pdf", SampleFiles.pdfWithJavaScript(), RefusalReason.PDF_ACTIVE_CONTENT),
            Arguments.of("bomb.zip", SampleFiles.nestedZipBomb(), RefusalReason.ARCHIVE_LIMIT),
            Arguments.of("overlap.zip", SampleFiles.overlappingZipBomb(), RefusalReason.ARCHIVE_LIMIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void inspectorShouldRefuseEachSampleForItsOwnReason(String fileName, byte[] content, RefusalReason reason)
            throws Exception {
        MessageInspector inspector = new InspectionModule(spool, Duration.ofSeconds(1)).inspector(InspectionModuleTest::eicarScanner);

        Inspection inspection = inspector.inspect(
            new ByteArrayInputStream(TestMessages.bytes(TestMessages.message(TestMessages.text("Hello"),
                TestMessages.attachment(fileName, content)))),
            AttachmentRules.builder().build());

        assertThat(inspection.refusals()).extracting(Refusal::reason).containsExactly(reason);
    }

    private static ScanResult eicarScanner(InputStream content) throws ScannerUnavailableException {
        try {
            String text = new String(content.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE") ? ScanResult.infected("Eicar") : ScanResult.clean();
        } catch (IOException e) {
            throw new ScannerUnavailableException("read failed", e);
        }
    }
}
