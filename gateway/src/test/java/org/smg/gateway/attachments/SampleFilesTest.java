package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

/** The samples are what they claim to be, as tika-core 3.3.1 and commons-compress see them. */
class SampleFilesTest {
    private final Tika tika = new Tika();

    @Test
    void eicarShouldBeTheStandardTestFile() {
        byte[] eicar = SampleFiles.eicar();

        assertThat(eicar).hasSize(68);
        assertThat(new String(eicar, StandardCharsets.US_ASCII)).startsWith("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR");
    }

    @Test
    void executablesShouldBeDetectedAsExecutablesByTika() {
        assertThat(tika.detect(SampleFiles.elfExecutable())).isEqualTo("application/x-executable");
        assertThat(tika.detect(SampleFiles.peExecutable())).isEqualTo("application/x-msdownload; format=pe32");
    }

    @Test
    void allowedSamplesShouldBeDetectedAsTheirTypesByTika() {
        assertThat(tika.detect(SampleFiles.cleanPdf())).isEqualTo("application/pdf");
        assertThat(tika.detect(SampleFiles.jpeg())).isEqualTo("image/jpeg");
        assertThat(tika.detect(SampleFiles.png())).isEqualTo("image/png");
        assertThat(tika.detect(SampleFiles.odt())).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(tika.detect(SampleFiles.zipOfAllowedFiles())).isEqualTo("application/zip");
    }

    @Test
    void samplesShouldBeTheSameBytesOnEveryCall() {
        assertThat(SampleFiles.cleanPdf()).isEqualTo(SampleFiles.cleanPdf());
        assertThat(SampleFiles.docm()).isEqualTo(SampleFiles.docm());
        assertThat(SampleFiles.nestedZipBomb()).isEqualTo(SampleFiles.nestedZipBomb());
    }

    @Test
    void passwordProtectedZipShouldHaveItsEntryMarkedEncrypted() throws Exception {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(SampleFiles.passwordProtectedZip())).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());

            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.getName()).isEqualTo("report.txt");
                assertThat(entry.getGeneralPurposeBit().usesEncryption()).isTrue();
            });
        }
    }

    @Test
    void bombsShouldBeSmall() {
        assertThat(SampleFiles.nestedZipBomb().length).isLessThan(200_000);
        assertThat(SampleFiles.overlappingZipBomb().length).isLessThan(20_000);
    }
}
