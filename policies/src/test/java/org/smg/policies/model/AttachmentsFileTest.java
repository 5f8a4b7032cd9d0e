package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsException;

class AttachmentsFileTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @TempDir
    Path directory;

    @Test
    void loadShouldGiveEveryDefaultWhenTheFileIsAbsent() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        AttachmentPolicies attachments = PolicyLoader.load(directory).attachments();

        AttachmentRules rules = attachments.forProgram("ECO");
        assertThat(rules.maxFileSize()).isEqualTo(GIB);
        assertThat(rules.maxMessageSize()).isEqualTo(GIB);
        assertThat(rules.maxAttachments()).isEqualTo(20);
        assertThat(rules.allowedTypes()).containsExactlyInAnyOrder(FileType.values());
        assertThat(rules.refusePdfJavaScript() && rules.refusePdfLaunchActions() && rules.refusePdfEmbeddedFiles())
                .isTrue();
        assertThat(rules.archiveMaxDepth()).isEqualTo(3);
        assertThat(rules.archiveMaxEntries()).isEqualTo(1000);
        assertThat(rules.archiveMaxExpandedSize()).isEqualTo(2 * GIB);
        assertThat(rules.archiveMaxExpansionRatio()).isEqualTo(100);
        assertThat(attachments.mailboxQuota(List.of("ECO"))).isEqualTo(2 * GIB);
    }

    @Test
    void forProgramShouldOverrideOnlyTheWrittenFieldsOverTheDefaultSection() throws SettingsException {
        write(String.join("\n",
                "default:",
                "  maxFileSize: 500M",
                "  archives: {maxDepth: 2}",
                "programs:",
                "  ECO:",
                "    maxAttachments: 5",
                "    allowedTypes: [pdf, txt]",
                "    pdf: {refuseEmbeddedFiles: false}",
                "    archives: {maxEntries: 10}",
                "    mailboxQuota: 10M",
                ""));

        AttachmentPolicies attachments = PolicyLoader.load(directory).attachments();

        AttachmentRules eco = attachments.forProgram("ECO");
        assertThat(eco.maxFileSize()).isEqualTo(500 * MIB);
        assertThat(eco.maxAttachments()).isEqualTo(5);
        assertThat(eco.allowedTypes()).containsExactlyInAnyOrder(FileType.PDF, FileType.TXT);
        assertThat(eco.refusePdfEmbeddedFiles()).isFalse();
        assertThat(eco.refusePdfJavaScript()).isTrue();
        assertThat(eco.archiveMaxDepth()).isEqualTo(2);
        assertThat(eco.archiveMaxEntries()).isEqualTo(10);
        assertThat(attachments.mailboxQuota(List.of("ECO"))).isEqualTo(10 * MIB);
        assertThat(attachments.forProgram("OTHER").maxAttachments()).isEqualTo(20);
        assertThat(attachments.defaults().maxFileSize()).isEqualTo(500 * MIB);
    }

    @Test
    void strictestShouldTakeTheSmallestLimitsTheCommonTypesAndAnyRefusal() {
        AttachmentRules open = AttachmentRules.builder().maxFileSize(GIB).maxAttachments(3)
                .allowedTypes(EnumSet.of(FileType.PDF, FileType.ZIP)).refusePdfJavaScript(false).build();
        AttachmentRules strict = AttachmentRules.builder().maxFileSize(MIB).maxAttachments(10)
                .allowedTypes(EnumSet.of(FileType.PDF, FileType.PNG)).refusePdfJavaScript(true).build();
        AttachmentPolicies attachments = new AttachmentPolicies(AttachmentRules.builder().build(), GIB,
                java.util.Map.of("A", open, "B", strict), java.util.Map.of("A", 5 * MIB, "B", 7 * MIB));

        AttachmentRules both = attachments.strictest(List.of("A", "B"));

        assertThat(both.maxFileSize()).isEqualTo(MIB);
        assertThat(both.maxAttachments()).isEqualTo(3);
        assertThat(both.allowedTypes()).isEqualTo(Set.of(FileType.PDF));
        assertThat(both.refusePdfJavaScript()).isTrue();
        assertThat(attachments.strictest(List.of())).isSameAs(attachments.defaults());
        assertThat(attachments.mailboxQuota(List.of("A", "B"))).isEqualTo(7 * MIB);
        assertThat(attachments.mailboxQuota(List.of())).isEqualTo(GIB);
    }

    @Test
    void loadShouldReportThreeErrorsAtOnceWithTheirLines() {
        write(String.join("\n",
                "default:",
                "  maxFileSize: 1T",
                "  maxAttachments: 5000",
                "  pdf: {refuseJavaScript: yes}",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:2: default.maxFileSize: expected a size such as 512K, 100M or 1G, got '1T'",
                "attachments.yaml:3: default.maxAttachments: expected a whole number from 0 to 1000, got '5000'",
                "attachments.yaml:4: default.pdf.refuseJavaScript: expected true or false, got 'yes'");
    }

    @Test
    void loadShouldRefuseAnUnknownTypeAndARefusedTypeInAllowedTypes() {
        write(String.join("\n",
                "default:",
                "  allowedTypes:",
                "    - pdf",
                "    - exe",
                "    - executable",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:4: default.allowedTypes[1]: expected a file type: pdf, docx, xlsx, pptx, odt, ods,"
                        + " txt, csv, jpeg, png, tiff, heic, zip, got 'exe'",
                "attachments.yaml:5: default.allowedTypes[2]: 'executable' is a refused type and can never be"
                        + " allowed: programs (PE, ELF, Mach-O) run code on the reader's machine");
    }

    @Test
    void loadShouldRefuseARefusedTypeLeftOutOrUnknown() {
        write(String.join("\n",
                "default:",
                "  refusedTypes: [executable, script, macro-office, encrypted-archive]",
                "programs:",
                "  ECO:",
                "    refusedTypes: [viruses]",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:2: default.refusedTypes: 'encrypted-pdf' cannot be left out: encrypted PDFs cannot"
                        + " be scanned; list all of executable, script, macro-office, encrypted-archive, encrypted-pdf",
                "attachments.yaml:5: programs.ECO.refusedTypes[0]: expected a refused type: executable, script,"
                        + " macro-office, encrypted-archive, encrypted-pdf, got 'viruses'");
    }

    @Test
    void loadShouldRefuseAProgramThatProgramsYamlDoesNotDefine() {
        write(String.join("\n",
                "programs:",
                "  ECO:",
                "    maxAttachments: 3",
                "  EC0:",
                "    maxAttachments: 3",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:4: programs.EC0: unknown program 'EC0'; programs.yaml defines ECO");
    }

    @Test
    void loadShouldRefuseUnknownAndDuplicateFields() {
        write(String.join("\n",
                "default:",
                "  maxFileSize: 1M",
                "  maxFilesize: 2M",
                "programs:",
                "  ECO: {maxAttachments: 1}",
                "  ECO: {maxAttachments: 2}",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:3: default.maxFilesize: unknown field; allowed fields are: maxFileSize,"
                        + " maxMessageSize, maxAttachments, allowedTypes, refusedTypes, pdf, archives, mailboxQuota",
                "attachments.yaml:6: programs.ECO: duplicate field; already set on line 5 (set each field once)");
    }

    @Test
    void loadShouldCheckSizesRanges() {
        write(String.join("\n",
                "default:",
                "  mailboxQuota: 512",
                "  maxMessageSize: 2048G",
                "  archives: {maxExpandedSize: 10X}",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "attachments.yaml:2: default.mailboxQuota: expected a size from 1K to 1024G, got '512'",
                "attachments.yaml:3: default.maxMessageSize: expected a size from 1K to 1024G, got '2048G'",
                "attachments.yaml:4: default.archives.maxExpandedSize: expected a size such as 512K, 100M or 1G,"
                        + " got '10X'");
    }

    @Test
    void loadShouldAcceptAnEmptyAllowedTypesListAsNoAttachmentAccepted() throws SettingsException {
        write("default:\n  allowedTypes: []\n");

        AttachmentRules rules = PolicyLoader.load(directory).attachments().defaults();

        assertThat(rules.allowedTypes()).isEmpty();
    }

    private void write(String attachmentsYaml) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        try {
            Files.writeString(directory.resolve("attachments.yaml"), attachmentsYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
