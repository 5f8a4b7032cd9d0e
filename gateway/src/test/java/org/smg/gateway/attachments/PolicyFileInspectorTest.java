package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smg.gateway.attachments.TestMessages.ascii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.model.AttachmentRules;
import org.smg.policies.model.FileType;

class PolicyFileInspectorTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();

    @TempDir
    Path directory;

    private final List<String> checked = new ArrayList<>();
    private final PolicyFileInspector inspector = new PolicyFileInspector(new TypeDetector(), self -> Map.of(
        FileType.PDF, List.of(recording("pdf-check")),
        FileType.ZIP, List.of(recording("zip-check"), entryInspecting(self))));

    @Test
    void inspectShouldAcceptAllowedTypesWhenNamedAccordingly() throws IOException {
        assertThat(inspect("report.pdf", TestMessages.pdf())).isEmpty();
        assertThat(inspect("letter.docx", TestMessages.docx())).isEmpty();
        assertThat(inspect("figures.XLSX", TestMessages.xlsx())).isEmpty();
        assertThat(inspect("slides.pptx", TestMessages.pptx())).isEmpty();
        assertThat(inspect("notes.odt", TestMessages.odf("application/vnd.oasis.opendocument.text"))).isEmpty();
        assertThat(inspect("photo.jpg", TestMessages.jpeg())).isEmpty();
        assertThat(inspect("scan.png", TestMessages.png())).isEmpty();
        assertThat(inspect("notes.txt", ascii("hello\n"))).isEmpty();
        assertThat(inspect("table.csv", ascii("a;b\n1;2\n"))).isEmpty();
        assertThat(inspect("no-extension", TestMessages.pdf())).isEmpty();
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenWindowsExecutableIsNamedPdf() throws IOException {
        Optional<Refusal> refusal = inspect("invoice.pdf", TestMessages.pe());

        assertThat(refusal).get().extracting(Refusal::reason).isEqualTo(RefusalReason.NAME_MISMATCH);
        assertThat(refusal.get().explanation()).isEqualTo("named as PDF but the content is a Windows executable");
        assertThat(refusal.get().fileName()).isEqualTo("invoice.pdf");
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenElfIsNamedPdf() throws IOException {
        Optional<Refusal> refusal = inspect("invoice.pdf", TestMessages.elf());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.NAME_MISMATCH);
        assertThat(refusal.get().explanation()).isEqualTo("named as PDF but the content is a Linux executable (ELF)");
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenPlainZipIsNamedDocx() throws IOException {
        Optional<Refusal> refusal = inspect("letter.docx", TestMessages.plainZip());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.NAME_MISMATCH);
        assertThat(refusal.get().explanation()).isEqualTo("named as DOCX but the content is a ZIP archive");
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenPdfIsNamedExe() throws IOException {
        Optional<Refusal> refusal = inspect("invoice.exe", TestMessages.pdf());

        assertThat(refusal.get().explanation()).isEqualTo("named as EXE but the content is a PDF document");
    }

    @Test
    void inspectShouldReadNameAsWindowsDoesWhenItEndsWithDotsAndSpaces() throws IOException {
        Optional<Refusal> refusal = inspect("invoice.exe. ", TestMessages.pdf());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.NAME_MISMATCH);
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenTextIsNamedPdf() throws IOException {
        Optional<Refusal> refusal = inspect("report.pdf", ascii("just text\n"));

        assertThat(refusal.get().explanation()).isEqualTo("named as PDF but the content is plain text");
    }

    @Test
    void inspectShouldRefuseExecutableAsTypeNotAllowedWhenNamedAsExecutable() throws IOException {
        Optional<Refusal> refusal = inspect("setup.exe", TestMessages.pe());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
        assertThat(refusal.get().explanation()).isEqualTo("executables are not allowed (the content is a Windows executable)");
    }

    @Test
    void inspectShouldRefuseScriptAsTypeNotAllowedWhenContentIsScript() throws IOException {
        Optional<Refusal> refusal = inspect("run.sh", ascii("#!/bin/sh\necho hi\n"));

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
        assertThat(refusal.get().explanation()).startsWith("scripts are not allowed");
    }

    @Test
    void inspectShouldRefuseUnknownTypeNamingWhatItIsWhenNotInPolicy() throws IOException {
        Optional<Refusal> refusal = inspect("page.html", ascii("<html><body>hi</body></html>\n"));

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
        assertThat(refusal.get().explanation()).isEqualTo("files of this type are not allowed (the content is an HTML page)");
    }

    @Test
    void inspectShouldRefuseMacroEnabledWhenDocumentIsDocm() throws IOException {
        Optional<Refusal> docm = inspect("letter.docm", TestMessages.docm());
        Optional<Refusal> xlsm = inspect("sheet.xlsm", TestMessages.xlsm());
        Optional<Refusal> pptm = inspect("deck.pptm", TestMessages.pptm());

        assertThat(List.of(docm, xlsm, pptm)).allSatisfy(refusal -> assertThat(refusal.get().reason()).isEqualTo(RefusalReason.MACRO_ENABLED));
        assertThat(docm.get().explanation()).isEqualTo("macro-enabled Office files are not allowed (the content is a macro-enabled Word document)");
    }

    @Test
    void inspectShouldRefuseNameMismatchWhenDocmIsNamedDocx() throws IOException {
        Optional<Refusal> refusal = inspect("letter.docx", TestMessages.docm());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.NAME_MISMATCH);
        assertThat(refusal.get().explanation()).isEqualTo("named as DOCX but the content is a macro-enabled Word document");
    }

    @Test
    void inspectShouldRefuseTypeWhenPolicyDoesNotAllowIt() throws IOException {
        AttachmentRules pdfOnly = AttachmentRules.builder().allowedTypes(EnumSet.of(FileType.PDF)).build();

        Optional<Refusal> refusal = inspector.inspect("figures.xlsx", spool(TestMessages.xlsx()), pdfOnly, ArchiveBudget.forAttachment());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
        assertThat(refusal.get().explanation()).isEqualTo("XLSX files are not allowed");
    }

    @Test
    void inspectShouldRefuseCsvWhenOnlyTxtIsAllowed() throws IOException {
        AttachmentRules txtOnly = AttachmentRules.builder().allowedTypes(EnumSet.of(FileType.TXT)).build();

        Optional<Refusal> refusal = inspector.inspect("table.csv", spool(ascii("a;b\n")), txtOnly, ArchiveBudget.forAttachment());

        assertThat(refusal.get().explanation()).isEqualTo("CSV files are not allowed");
    }

    @Test
    void inspectShouldRefuseFileTooLargeWhenAboveMaxFileSize() throws IOException {
        AttachmentRules small = AttachmentRules.builder().maxFileSize(100).build();

        Optional<Refusal> refusal = inspector.inspect("big.pdf", spool(new byte[101]), small, ArchiveBudget.forAttachment());

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.FILE_TOO_LARGE);
        assertThat(refusal.get().explanation()).isEqualTo("larger than the 100 bytes allowed per file");
    }

    @Test
    void inspectShouldRunChecksOfDetectedTypeOnlyWhenTypeIsAllowed() throws IOException {
        inspect("report.pdf", TestMessages.pdf());
        inspect("fake.pdf", TestMessages.pe());

        assertThat(checked).containsExactly("pdf-check report.pdf application/pdf");
    }

    @Test
    void inspectShouldReturnCheckRefusalWhenArchiveEntryIsRefused() throws IOException {
        byte[] zip = TestMessages.zip(Map.of("inner.pdf", TestMessages.elf()));

        Optional<Refusal> refusal = inspect("bundle.zip", zip);

        assertThat(refusal.get().reason()).isEqualTo(RefusalReason.NAME_MISMATCH);
        assertThat(refusal.get().fileName()).isEqualTo("bundle.zip/inner.pdf");
        assertThat(checked).containsExactly("zip-check bundle.zip application/zip");
    }

    private Optional<Refusal> inspect(String name, byte[] bytes) throws IOException {
        try (SpooledContent content = spool(bytes)) {
            return inspector.inspect(name, content, DEFAULTS, ArchiveBudget.forAttachment());
        }
    }

    private SpooledContent spool(byte[] bytes) throws IOException {
        return new EncryptedSpool(1024, directory).write(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    private ContentCheck recording(String name) {
        return (fileName, mediaType, content, rules, budget) -> {
            checked.add(name + " " + fileName + " " + mediaType);
            return Optional.empty();
        };
    }

    /** A stand-in for the archive check: inspects each entry through the file inspector, one level deeper. */
    private ContentCheck entryInspecting(FileInspector entries) {
        return (fileName, mediaType, content, rules, budget) -> {
            try (ZipInputStream zip = new ZipInputStream(content.open())) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    try (SpooledContent entryContent = spool(zip.readAllBytes())) {
                        Optional<Refusal> refusal = entries.inspect(fileName + "/" + entry.getName(), entryContent, rules, budget.inside());
                        if (refusal.isPresent()) {
                            return refusal;
                        }
                    }
                }
            }
            return Optional.empty();
        };
    }
}
