package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan that backs the no-plaintext-at-rest tests finds what it claims to find. */
class PlaintextScanTest {
    private static final String TOKEN = "tokAbCdEfGhJkMnPqRsTuVwXyZ23";

    @TempDir
    Path directory;

    @Test
    void findingsShouldNameEveryBase64AlignmentWhenTokenIsEncodedInMimeLines() throws Exception {
        for (int shift = 0; shift < 3; shift++) {
            byte[] content = ("x".repeat(50 + shift) + TOKEN + "y".repeat(50)).getBytes(StandardCharsets.US_ASCII);
            Files.writeString(directory.resolve("shift-" + shift + ".eml"), Base64.getMimeEncoder().encodeToString(content));
        }

        assertThat(PlaintextScan.forToken(TOKEN).findings(directory)).hasSize(3);
    }

    @Test
    void findingsShouldNameQuotedPrintableTextWhenASoftLineBreakSplitsTheToken() throws Exception {
        Files.writeString(directory.resolve("qp.eml"), "Notes =C3=A9 tokAbCdEfGh=\r\nJkMnPqRsTuVwXyZ23 end");

        assertThat(PlaintextScan.forToken(TOKEN).findings(directory)).containsExactly("qp.eml: plain");
    }

    @Test
    void findingsShouldBeEmptyWhenFilesHoldOtherData() throws Exception {
        Files.write(directory.resolve("random.bin"), new byte[4096]);
        Files.writeString(directory.resolve("other.txt"), "nothing to see " + Base64.getEncoder().encodeToString("other".getBytes()));

        assertThat(PlaintextScan.forToken(TOKEN).findings(directory)).isEmpty();
    }
}
