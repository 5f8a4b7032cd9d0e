package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.policies.model.AttachmentRules;

class DocumentPackageCheckTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DocumentPackageCheck check = new DocumentPackageCheck();

    @Test
    void checkShouldPassAndCountTheExpandedPartsWhenTheDocumentIsOrdinary() throws Exception {
        ArchiveBudget budget = ArchiveBudget.forAttachment();

        Optional<Refusal> refusal = check.check("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", InMemorySpooledContent.of(SampleFiles.xlsx()), DEFAULTS, budget);

        assertThat(refusal).isEmpty();
        assertThat(budget.expandedBytes()).isPositive();
        assertThat(budget.entries()).isZero();
    }

    @Test
    void checkShouldRefuseADocumentShapedLikeAZipBomb() throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types/>".getBytes());
        parts.put("word/document.xml", new byte[8 * 1024 * 1024]);

        Optional<Refusal> refusal = check("bomb.docx", SampleFiles.zip(parts));

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).contains("expands more than 100 times");
        });
    }

    @Test
    void checkShouldRefuseADocumentWithOverlappingParts() throws Exception {
        Optional<Refusal> refusal = check("overlap.docx", SampleFiles.overlappingZipBomb());

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT));
    }

    @Test
    void checkShouldRefuseAsEncryptedWhenAPartIsPasswordProtected() throws Exception {
        Optional<Refusal> refusal = check("locked.docx", SampleFiles.passwordProtectedZip());

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.ENCRYPTED));
    }

    private Optional<Refusal> check(String name, byte[] bytes) throws Exception {
        return check.check(name, DOCX, InMemorySpooledContent.of(bytes), DEFAULTS, ArchiveBudget.forAttachment());
    }
}
