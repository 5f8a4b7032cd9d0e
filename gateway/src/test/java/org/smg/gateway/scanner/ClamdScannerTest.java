package org.smg.gateway.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.smg.gateway.attachments.ScanResult;
import org.smg.gateway.attachments.ScannerUnavailableException;

class ClamdScannerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void scanShouldBeCleanOnlyWhenClamdAnswersStreamOk() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: OK"))) {
            ScanResult result = scanner(clamd).scan(bytes(200_000));

            assertThat(result.isClean()).isTrue();
            assertThat(clamd.command).isEqualTo("zINSTREAM");
            assertThat(clamd.bytesReceived.get()).isEqualTo(200_000);
        }
    }

    @Test
    void scanShouldBeInfectedNamingTheSignatureWhenClamdFindsOne() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: Smg.Test.Eicar.UNOFFICIAL FOUND"))) {
            ScanResult result = scanner(clamd).scan(bytes(10));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.INFECTED);
            assertThat(result.detail()).isEqualTo("Smg.Test.Eicar.UNOFFICIAL");
        }
    }

    @Test
    void scanShouldBeUnscannableWhenClamdReportsALimitHeuristic() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND"))) {
            ScanResult result = scanner(clamd).scan(bytes(10));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
            assertThat(result.detail()).isEqualTo("Heuristics.Limits.Exceeded.MaxFileSize");
        }
    }

    @Test
    void scanShouldBeUnscannableWhenClamdReportsEncryptedContent() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: Heuristics.Encrypted.Zip FOUND"))) {
            ScanResult result = scanner(clamd).scan(bytes(10));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
            assertThat(result.detail()).isEqualTo("Heuristics.Encrypted.Zip");
        }
    }

    @Test
    void scanShouldBeUnscannableWhenClamdAnswersSizeLimitExceededAfterTheStream() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("INSTREAM size limit exceeded. ERROR"))) {
            ScanResult result = scanner(clamd).scan(bytes(10));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
        }
    }

    @Test
    void scanShouldBeUnscannableWhenClamdCutsTheStreamWithSizeLimitExceeded() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.sizeLimitAfter(100_000))) {
            ScanResult result = scanner(clamd).scan(bytes(20_000_000));

            assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
            assertThat(result.detail()).contains("StreamMaxLength");
        }
    }

    @Test
    void scanShouldBeUnscannableWithoutSendingItAllWhenContentExceedsMaxFileSize() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: OK"))) {
            ClamdScanner scanner = new ClamdScanner(clamd.address(), TIMEOUT, 100_000);

            ScanResult atLimit = scanner.scan(bytes(100_000));
            ScanResult aboveLimit = scanner.scan(bytes(100_001));

            assertThat(atLimit.isClean()).isTrue();
            assertThat(aboveLimit.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
            assertThat(aboveLimit.detail()).contains("100000");
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdAnswersAnotherError() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("Can't allocate memory ERROR"))) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(10)))
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("Can't allocate memory");
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdAnswersGarbage() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("HTTP/1.1 200 OK\r\nstream: OK"))) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(10)))
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("nonsense")
                .hasMessageNotContaining("\r");
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenFoundNamesNoSignature() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream:  FOUND"))) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(10)))
                .isInstanceOf(ScannerUnavailableException.class);
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdNeverAnswers() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.silent())) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> scanner(clamd).scan(bytes(1000)))
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdStopsReading() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.notReading())) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(50_000_000)))
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("did not take data");
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdClosesMidStream() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.closingAfter(100_000))) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(20_000_000)))
                .isInstanceOf(ScannerUnavailableException.class);
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenClamdClosesBeforeAnswering() throws Exception {
        try (FakeClamd clamd = FakeClamd.start((socket, fake) -> fake.bytesReceived.set(socket.getInputStream().readAllBytes().length))) {
            assertThatThrownBy(() -> scanner(clamd).scan(bytes(1000)))
                .isInstanceOf(ScannerUnavailableException.class);
        }
    }

    @Test
    void scanShouldThrowUnavailableWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ClamdScanner scanner = new ClamdScanner(ClamdAddress.tcp("127.0.0.1", port), TIMEOUT, 1 << 20);

        assertThatThrownBy(() -> scanner.scan(bytes(10)))
            .isInstanceOf(ScannerUnavailableException.class)
            .hasMessageContaining("tcp:127.0.0.1:" + port);
    }

    @Test
    void scanShouldThrowUnavailableWhenTheUnixSocketDoesNotExist() {
        ClamdScanner scanner = new ClamdScanner(ClamdAddress.unix(java.nio.file.Path.of("/nonexistent/clamd.sock")), TIMEOUT, 1 << 20);

        assertThatThrownBy(() -> scanner.scan(bytes(10))).isInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void pingShouldPassOnPongAndThrowOtherwise() throws Exception {
        try (FakeClamd pong = FakeClamd.start(pingReply("PONG"));
             FakeClamd other = FakeClamd.start(pingReply("PANG"))) {
            scanner(pong).ping();

            assertThat(pong.command).isEqualTo("zPING");
            assertThatThrownBy(() -> scanner(other).ping())
                .isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("'PANG'");
        }
    }

    @Test
    void scanShouldStreamWithoutReadingAheadOfWhatItSends() throws Exception {
        try (FakeClamd clamd = FakeClamd.start(FakeClamd.answering("stream: OK"))) {
            CountingStream content = new CountingStream(30_000_000);

            ScanResult result = scanner(clamd).scan(content);

            assertThat(result.isClean()).isTrue();
            assertThat(content.largestRead).isLessThanOrEqualTo(ClamdScanner.CHUNK);
            assertThat(clamd.bytesReceived.get()).isEqualTo(30_000_000);
        }
    }

    private static FakeClamd.Behaviour pingReply(String reply) {
        return (socket, clamd) -> {
            byte[] command = new byte[6];
            new java.io.DataInputStream(socket.getInputStream()).readFully(command);
            clamd.command = new String(command, 0, 5, StandardCharsets.US_ASCII);
            socket.getOutputStream().write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static ClamdScanner scanner(FakeClamd clamd) {
        return new ClamdScanner(clamd.address(), TIMEOUT, 100L << 20);
    }

    private static InputStream bytes(int size) {
        return new ByteArrayInputStream(new byte[size]);
    }

    /** Content produced on demand, remembering the largest read asked of it. */
    private static final class CountingStream extends InputStream {
        private long remaining;
        int largestRead;

        CountingStream(long size) {
            remaining = size;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("reads byte by byte");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            largestRead = Math.max(largestRead, length);
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            remaining -= count;
            return count;
        }
    }
}
