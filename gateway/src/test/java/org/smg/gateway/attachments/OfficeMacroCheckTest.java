package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.policies.model.AttachmentRules;

class OfficeMacroCheckTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    private final OfficeMacroCheck check = new OfficeMacroCheck();

    @Test
    void checkShouldRefuseADocmEvenWhenDetectionCalledItDocx() throws Exception {
        Optional<Refusal> refusal = check("letter.docx", DOCX, SampleFiles.docm());

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.MACRO_ENABLED);
            assertThat(value.describe()).isEqualTo("\"letter.docx\": the document contains macros, which are not allowed");
        });
    }

    @Test
    void checkShouldRefuseWhenADocxCarriesAVbaProjectItsContentTypesDoNotDeclare() throws Exception {
        Optional<Refusal> refusal = check("letter.docx", DOCX, SampleFiles.docxWithHiddenVbaProject());

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.MACRO_ENABLED));
    }

    @Test
    void checkShouldRefuseWhenOnlyTheContentTypesDeclareAMacroEnabledPart() throws Exception {
        String contentTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>";
        byte[] workbook = SampleFiles.zip(Map.of("[Content_Types].xml", contentTypes.getBytes(StandardCharsets.UTF_8)));

        Optional<Refusal> refusal = check("sheet.xlsx", "application/x-tika-ooxml", workbook);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.MACRO_ENABLED));
    }

    @Test
    void checkShouldRefuseWithoutOpeningWhenTheDetectedTypeIsMacroEnabled() throws Exception {
        Optional<Refusal> refusal = check("letter.docm", "application/vnd.ms-word.document.macroEnabled.12", new byte[0]);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.MACRO_ENABLED));
    }

    @Test
    void checkShouldRefuseAnOdtWithABasicMacro() throws Exception {
        Optional<Refusal> refusal = check("letter.odt", ODT, SampleFiles.odtWithBasicMacro());

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.MACRO_ENABLED));
    }

    @Test
    void checkShouldPassOfficeDocumentsWithoutMacros() throws Exception {
        assertThat(check("a.docx", DOCX, SampleFiles.docx())).isEmpty();
        assertThat(check("b.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SampleFiles.xlsx())).isEmpty();
        assertThat(check("c.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", SampleFiles.pptx())).isEmpty();
        assertThat(check("d.odt", ODT, SampleFiles.odt())).isEmpty();
    }

    @Test
    void checkShouldRefuseAsMalformedWhenThePackageIsNotAZip() throws Exception {
        Optional<Refusal> refusal = check("letter.docx", DOCX, "not a zip".getBytes(StandardCharsets.US_ASCII));

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.MALFORMED);
            assertThat(value.explanation()).isEqualTo("the document's package cannot be read");
        });
    }

    @Test
    void checkShouldRefuseAsMalformedWhenTheContentTypesDeclareADoctype() throws Exception {
        String withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Types ContentType=\"&x;\"/>";
        byte[] document = SampleFiles.zip(Map.of("[Content_Types].xml", withDoctype.getBytes(StandardCharsets.UTF_8)));

        Optional<Refusal> refusal = check("letter.docx", DOCX, document);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.MALFORMED));
    }

    private Optional<Refusal> check(String name, String mediaType, byte[] bytes) throws Exception {
        return check.check(name, mediaType, InMemorySpooledContent.of(bytes), DEFAULTS, ArchiveBudget.forAttachment());
    }
}
