package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.policies.model.AttachmentRules;

class PdfCheckTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();
    private static final AttachmentRules ACTIVE_CONTENT_ALLOWED = AttachmentRules.builder().refusePdfJavaScript(false)
            .refusePdfLaunchActions(false).refusePdfEmbeddedFiles(false).build();

    private final PdfCheck check = new PdfCheck();

    @Test
    void checkShouldPassWhenThePdfIsClean() throws Exception {
        Optional<Refusal> refusal = check("report.pdf", SampleFiles.cleanPdf(), DEFAULTS);

        assertThat(refusal).isEmpty();
    }

    @Test
    void checkShouldRefuseWhenThePdfRunsJavaScriptOnOpening() throws Exception {
        Optional<Refusal> refusal = check("report.pdf", SampleFiles.pdfWithJavaScript(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.PDF_ACTIVE_CONTENT);
            assertThat(value.describe()).isEqualTo("\"report.pdf\": the PDF contains JavaScript");
        });
    }

    @Test
    void checkShouldRefuseWhenAnAnnotationOfAPageHasALaunchAction() throws Exception {
        Optional<Refusal> refusal = check("report.pdf", SampleFiles.pdfWithLaunchAction(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.PDF_ACTIVE_CONTENT);
            assertThat(value.explanation()).isEqualTo("the PDF contains a launch action (it can start a program)");
        });
    }

    @Test
    void checkShouldRefuseWhenThePdfEmbedsAFile() throws Exception {
        Optional<Refusal> refusal = check("report.pdf", SampleFiles.pdfWithEmbeddedFile(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.PDF_ACTIVE_CONTENT);
            assertThat(value.explanation()).isEqualTo("the PDF contains an embedded file");
        });
    }

    @Test
    void checkShouldPassActiveContentWhenThePolicySwitchesAreOff() throws Exception {
        assertThat(check("a.pdf", SampleFiles.pdfWithJavaScript(), ACTIVE_CONTENT_ALLOWED)).isEmpty();
        assertThat(check("b.pdf", SampleFiles.pdfWithLaunchAction(), ACTIVE_CONTENT_ALLOWED)).isEmpty();
        assertThat(check("c.pdf", SampleFiles.pdfWithEmbeddedFile(), ACTIVE_CONTENT_ALLOWED)).isEmpty();
    }

    @Test
    void checkShouldRefuseOnlyWhatItsSwitchCoversWhenOneSwitchIsOn() throws Exception {
        AttachmentRules javaScriptOnly = AttachmentRules.builder().refusePdfLaunchActions(false).refusePdfEmbeddedFiles(false).build();

        assertThat(check("a.pdf", SampleFiles.pdfWithJavaScript(), javaScriptOnly)).isPresent();
        assertThat(check("b.pdf", SampleFiles.pdfWithLaunchAction(), javaScriptOnly)).isEmpty();
    }

    @Test
    void checkShouldRefuseAsEncryptedWhenThePdfNeedsAPassword() throws Exception {
        Optional<Refusal> refusal = check("secret.pdf", SampleFiles.encryptedPdf(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ENCRYPTED);
            assertThat(value.explanation()).isEqualTo("encrypted PDFs cannot be scanned");
        });
    }

    @Test
    void checkShouldRefuseAsEncryptedWhenThePdfOpensWithAnEmptyUserPassword() throws Exception {
        Optional<Refusal> refusal = check("locked.pdf", SampleFiles.encryptedPdfWithEmptyUserPassword(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.ENCRYPTED));
    }

    @Test
    void checkShouldRefuseAsMalformedWhenTheBytesAreNotAPdf() throws Exception {
        Optional<Refusal> refusal = check("fake.pdf", "%PDF-1.7 and then nothing".getBytes(StandardCharsets.US_ASCII), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.MALFORMED);
            assertThat(value.explanation()).isEqualTo("the PDF cannot be read");
        });
    }

    @Test
    void checkShouldNeverPassSilentlyWhenThePdfIsTruncated() throws Exception {
        byte[] javaScript = SampleFiles.pdfWithJavaScript();

        for (int length = 20; length < javaScript.length; length += 40) {
            Optional<Refusal> refusal = check("cut.pdf", Arrays.copyOf(javaScript, length), DEFAULTS);

            assertThat(refusal).as("first %d bytes", length).isPresent();
        }
    }

    @Test
    void checkShouldRefuseAsUnscannableWhenObjectStreamsExpandBeyondTheBound() throws Exception {
        PdfCheck smallBound = new PdfCheck(100);

        Optional<Refusal> refusal = smallBound.check("report.pdf", "application/pdf", InMemorySpooledContent.of(SampleFiles.cleanPdf()),
                DEFAULTS, ArchiveBudget.forAttachment());

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.UNSCANNABLE);
            assertThat(value.explanation()).isEqualTo("the PDF cannot be checked: its object streams expand beyond the limit");
        });
    }

    private Optional<Refusal> check(String name, byte[] bytes, AttachmentRules rules) throws Exception {
        return check.check(name, "application/pdf", InMemorySpooledContent.of(bytes), rules, ArchiveBudget.forAttachment());
    }
}
