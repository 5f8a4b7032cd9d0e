package org.smg.gateway.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.attachments.ScanResult;

/** The embedded clamd, started for real with the project's signature database, and our client against it. */
class ManagedClamdTest {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String CANARY = "SMG-CANARY-7f3c2a91-TEST-ONLY-SIGNATURE";
    private static final long MAX_FILE_SIZE = 1L << 20;

    @TempDir
    static Path data;

    static ManagedClamd clamd;
    static ClamdScanner scanner;

    @BeforeAll
    static void startClamd() throws Exception {
        clamd = ManagedClamd.start(data, MAX_FILE_SIZE);
        scanner = new ClamdScanner(clamd.address(), Duration.ofSeconds(10), MAX_FILE_SIZE);
    }

    @AfterAll
    static void stopClamd() {
        clamd.close();
    }

    @Test
    void scanShouldFindEicarWithTheProjectSignature() throws Exception {
        ScanResult result = scanner.scan(text("attachment " + EICAR + " end"));

        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.INFECTED);
        assertThat(result.detail()).startsWith("Smg.Test.Eicar");
    }

    @Test
    void scanShouldFindTheCanaryDeepInALargeStream() throws Exception {
        byte[] content = new byte[900_000];
        byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(canary, 0, content, 700_000, canary.length);

        ScanResult result = scanner.scan(new ByteArrayInputStream(content));

        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.INFECTED);
        assertThat(result.detail()).startsWith("Smg.Test.Canary");
    }

    @Test
    void scanShouldBeCleanWhenNoSignatureMatches() throws Exception {
        ScanResult result = scanner.scan(text("a harmless letter to the agency"));

        assertThat(result.isClean()).isTrue();
    }

    @Test
    void scanShouldBeCleanAtTheLimitAndUnscannableJustAboveIt() throws Exception {
        ScanResult atLimit = scanner.scan(new ByteArrayInputStream(new byte[(int) MAX_FILE_SIZE]));
        ScanResult aboveLimit = scanner.scan(new ByteArrayInputStream(new byte[(int) MAX_FILE_SIZE + 1]));

        assertThat(atLimit.isClean()).isTrue();
        assertThat(aboveLimit.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
    }

    @Test
    void scanShouldBeUnscannableWhenClamdItselfStopsTheStreamAtStreamMaxLength() throws Exception {
        // A client trusting a larger limit than clamd's: clamd's "size limit exceeded" must not read as clean.
        ClamdScanner trusting = new ClamdScanner(clamd.address(), Duration.ofSeconds(10), 64L << 20);

        ScanResult result = trusting.scan(new ByteArrayInputStream(new byte[(int) MAX_FILE_SIZE + 100_000]));

        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.UNSCANNABLE);
    }

    @Test
    void pingShouldAnswerWhenClamdRuns() throws Exception {
        scanner.ping();

        assertThat(clamd.pid()).isPresent();
    }

    @Test
    void startShouldKeepClamdFilesInAPrivateDirectoryWithTheConfiguredLimits() throws Exception {
        Path directory = data.resolve("clamd");

        String configuration = Files.readString(directory.resolve("clamd.conf"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(configuration).contains("StreamMaxLength " + MAX_FILE_SIZE, "MaxFileSize " + MAX_FILE_SIZE,
            "AlertExceedsMax yes", "AlertEncrypted yes", "AlertEncryptedArchive yes", "AlertEncryptedDoc yes",
            "Foreground yes");
        assertThat(directory.resolve("db/smg.ndb")).exists();
    }

    @Test
    void clamdShouldBeRestartedWhenItDies() throws Exception {
        long first = clamd.pid().orElseThrow();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
            clamd.pid().filter(pid -> pid != first).isPresent() && ClamdScanner.answersPing(clamd.address(), Duration.ofSeconds(1)));
        assertThat(scanner.scan(text(EICAR)).outcome()).isEqualTo(ScanResult.Outcome.INFECTED);
    }

    @Test
    void closeShouldStopClamdAndRemoveItsSocket(@TempDir Path otherData) throws Exception {
        ManagedClamd other = ManagedClamd.start(otherData, MAX_FILE_SIZE);
        ProcessHandle process = ProcessHandle.of(other.pid().orElseThrow()).orElseThrow();

        other.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(other.socket()).doesNotExist();
        assertThat(ClamdScanner.answersPing(other.address(), Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void findShouldReportNothingWhenClamdIsNeitherOnPathNorInstalled(@TempDir Path emptyDirectory) {
        assertThat(ClamdExecutable.find("clamd", emptyDirectory.toString(), List.of(emptyDirectory.resolve("clamd")))).isEmpty();
        assertThat(ClamdExecutable.NOT_FOUND).isEqualTo("clamd not found; install clamav-daemon or set scanner.clamd");
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
