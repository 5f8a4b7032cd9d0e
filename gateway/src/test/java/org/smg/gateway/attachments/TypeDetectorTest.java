package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smg.gateway.attachments.TestMessages.ascii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeDetectorTest {
    private static final String OPENXML = "application/vnd.openxmlformats-officedocument.";

    @TempDir
    Path directory;

    private final TypeDetector detector = new TypeDetector();

    @Test
    void detectShouldFindPdfWhenBytesArePdf() throws IOException {
        assertThat(detect(TestMessages.pdf())).isEqualTo("application/pdf");
    }

    @Test
    void detectShouldFindImagesWhenBytesHaveImageMagic() throws IOException {
        assertThat(detect(TestMessages.png())).isEqualTo("image/png");
        assertThat(detect(TestMessages.jpeg())).isEqualTo("image/jpeg");
    }

    @Test
    void detectShouldFindTiffAndHeicWhenBytesHaveTheirMagic() throws IOException {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0};
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};

        assertThat(detect(tiff)).isEqualTo("image/tiff");
        assertThat(detect(heic)).isIn("image/heic", "image/heif");
    }

    @Test
    void detectShouldIgnoreTheNameWhenContentIsUnknownBinary() throws IOException {
        assertThat(detect(new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff})).isEqualTo("application/octet-stream");
    }

    @Test
    void detectShouldFindExecutablesWhenBytesAreElfOrPe() throws IOException {
        assertThat(detect(TestMessages.elf())).isEqualTo("application/x-executable");
        assertThat(detect(TestMessages.pe())).isEqualTo("application/x-msdownload");
    }

    @Test
    void detectShouldFindPlainTextWhenBytesAreText() throws IOException {
        assertThat(detect(ascii("name;amount\nAda;12\n"))).isEqualTo("text/plain");
    }

    @Test
    void detectShouldFindShellScriptWhenBytesStartWithShebang() throws IOException {
        assertThat(detect(ascii("#!/bin/sh\nrm -rf /\n"))).isEqualTo("application/x-sh");
    }

    @Test
    void detectShouldFindOfficeTypesWhenContentTypesEntryIsLast() throws IOException {
        assertThat(detect(TestMessages.docx())).isEqualTo(OPENXML + "wordprocessingml.document");
        assertThat(detect(TestMessages.xlsx())).isEqualTo(OPENXML + "spreadsheetml.sheet");
        assertThat(detect(TestMessages.pptx())).isEqualTo(OPENXML + "presentationml.presentation");
    }

    @Test
    void detectShouldFindMacroEnabledTypesWhenMainPartIsMacroEnabled() throws IOException {
        assertThat(detect(TestMessages.docm())).isEqualTo("application/vnd.ms-word.document.macroEnabled.12");
        assertThat(detect(TestMessages.xlsm())).isEqualTo("application/vnd.ms-excel.sheet.macroEnabled.12");
        assertThat(detect(TestMessages.pptm())).isEqualTo("application/vnd.ms-powerpoint.presentation.macroEnabled.12");
    }

    @Test
    void detectShouldFindOpenDocumentWhenMimetypeEntrySaysSo() throws IOException {
        assertThat(detect(TestMessages.odf("application/vnd.oasis.opendocument.text"))).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(detect(TestMessages.odf("application/vnd.oasis.opendocument.spreadsheet"))).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
    }

    @Test
    void detectShouldFindPlainZipWhenArchiveHasNoOfficeEntries() throws IOException {
        assertThat(detect(TestMessages.plainZip())).isEqualTo("application/zip");
    }

    @Test
    void detectShouldFindUnknownOoxmlWhenMainPartIsNotRecognised() throws IOException {
        byte[] odd = TestMessages.ooxml("/x/main.xml", "application/vnd.example.main+xml");

        assertThat(detect(odd)).isEqualTo(OoxmlContentTypes.UNKNOWN_OOXML);
    }

    @Test
    void detectShouldIgnoreExternalEntitiesWhenContentTypesHasDoctype() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ascii("<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Types><Override PartName=\"/a\" ContentType=\"&x;\"/></Types>"));

        assertThat(detect(TestMessages.zip(entries))).isIn("application/zip", OoxmlContentTypes.UNKNOWN_OOXML);
    }

    @Test
    void detectShouldKeepTikasGuessWithoutOpeningZipWhenCentralDirectoryIsTooLarge() throws IOException {
        TypeDetector small = new TypeDetector(10);

        try (SpooledContent content = spool(TestMessages.docx())) {

            assertThat(small.detect(content)).isEqualTo(OoxmlContentTypes.UNKNOWN_OOXML);
        }
    }

    @Test
    void detectShouldReadOfficeTypeWhenContentIsSpooledEncryptedOnDisk() throws IOException {
        EncryptedSpool tiny = new EncryptedSpool(16, directory);

        try (SpooledContent content = tiny.write(new ByteArrayInputStream(TestMessages.docx()), 1_000_000)) {

            assertThat(detector.detect(content)).isEqualTo(OPENXML + "wordprocessingml.document");
        }
    }

    private String detect(byte[] bytes) throws IOException {
        try (SpooledContent content = spool(bytes)) {
            return detector.detect(content);
        }
    }

    private SpooledContent spool(byte[] bytes) throws IOException {
        return new EncryptedSpool(1024 * 1024, directory).write(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }
}
