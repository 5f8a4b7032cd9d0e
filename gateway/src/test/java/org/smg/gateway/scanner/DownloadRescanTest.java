package org.smg.gateway.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.attachments.EncryptedSpool;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.attachments.TypeDetector;
import org.smg.gateway.web.mail.AttachmentDownloads;

/** The web view's download path with the real clamd client: scanned again before sending, typed from content. */
class DownloadRescanTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path spoolDirectory;

    @Test
    void prepareShouldHandOutTheFileWithItsDetectedTypeWhenTheScannerFindsItClean() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: OK"))) {

            Optional<AttachmentDownloads.Prepared> prepared = downloads(new ClamdScanner(clamd.address(), TIMEOUT, 1L << 20))
                .prepare(message("../report.txt"), 2);

            assertThat(prepared).get().isInstanceOf(AttachmentDownloads.Ready.class);
            try (AttachmentDownloads.Ready ready = (AttachmentDownloads.Ready) prepared.get(); InputStream in = ready.content().open()) {
                assertThat(ready.type()).isEqualTo("application/pdf");
                assertThat(ready.name()).isEqualTo("report.txt");
                assertThat(in.readAllBytes()).isEqualTo(PDF);
            }
            assertThat(clamd.bytesReceived.get()).isEqualTo(PDF.length);
        }
    }

    @Test
    void prepareShouldRefuseTheFileWhenTheCurrentSignaturesFindMalware() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: Eicar-Signature FOUND"))) {

            Optional<AttachmentDownloads.Prepared> prepared = downloads(new ClamdScanner(clamd.address(), TIMEOUT, 1L << 20))
                .prepare(message("report.pdf"), 2);

            assertThat(prepared).get().isInstanceOfSatisfying(AttachmentDownloads.Refused.class,
                refused -> assertThat(refused.verdict().detail()).isEqualTo("Eicar-Signature"));
        }
    }

    @Test
    void prepareShouldThrowWhenTheScannerIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AttachmentDownloads downloads = downloads(new ClamdScanner(ClamdAddress.tcp("127.0.0.1", closedPort), TIMEOUT, 1L << 20));

        assertThatThrownBy(() -> downloads.prepare(message("report.pdf"), 2)).isInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void prepareShouldFindNothingWhenThePartIsTheMessageText() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: OK"))) {

            Optional<AttachmentDownloads.Prepared> prepared = downloads(new ClamdScanner(clamd.address(), TIMEOUT, 1L << 20))
                .prepare(message("report.pdf"), 1);

            assertThat(prepared).isEmpty();
            assertThat(clamd.bytesReceived.get()).isZero();
        }
    }

    private AttachmentDownloads downloads(ClamdScanner scanner) {
        return new AttachmentDownloads(new EncryptedSpool(16, spoolDirectory), new TypeDetector(), scanner);
    }

    private static InputStream message(String fileName) {
        String raw = "From: staff@agency.example\r\nTo: citizen@gateway.localhost\r\nSubject: Your report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee the attachment.\r\n--b\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(PDF) + "\r\n--b--\r\n";
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
