package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderLimitsTest {

    @TempDir
    Path base;

    @Test
    void loadShouldReadEveryLimit() throws SettingsException {
        Path file = SettingsFiles.write(base,
                "limits.maxMessageSize=2G",
                "limits.connectionsPerIp=5",
                "limits.connections=10000",
                "limits.imap.literalSize=64M",
                "limits.imap.preAuthLiteralSize=64",
                "limits.imap.literalsPerCommand=8",
                "limits.imap.maxLineLength=1024",
                "limits.auth.failuresBeforeDelay=100",
                "limits.auth.maxDelay=500ms");

        Limits limits = GatewaySettingsLoader.load(file, base).limits();

        assertThat(limits.maxMessageSize()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(limits.connectionsPerIp()).isEqualTo(5);
        assertThat(limits.connections()).isEqualTo(10000);
        assertThat(limits.imapLiteralSizeLimit()).isEqualTo(64L * 1024 * 1024);
        assertThat(limits.imapPreAuthLiteralSizeLimit()).isEqualTo(64);
        assertThat(limits.imapMaxLiteralsPerCommand()).isEqualTo(8);
        assertThat(limits.imapMaxLineLength()).isEqualTo(1024);
        assertThat(limits.authFailuresBeforeDelay()).isEqualTo(100);
        assertThat(limits.authMaxDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void loadShouldAcceptZeroAndOneMinuteAuthDelays() throws SettingsException {
        Path none = SettingsFiles.write(base.resolve("none"), "limits.auth.maxDelay=0s");
        Path minute = SettingsFiles.write(base.resolve("minute"), "limits.auth.maxDelay=1m");

        Duration zero = GatewaySettingsLoader.load(none, base).limits().authMaxDelay();
        Duration sixty = GatewaySettingsLoader.load(minute, base).limits().authMaxDelay();

        assertThat(zero).isZero();
        assertThat(sixty).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void loadShouldRefusePreAuthLiteralLargerThanLiteralLimit() {
        Path file = SettingsFiles.write(base, "limits.imap.literalSize=4K", "limits.imap.preAuthLiteralSize=8K");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: limits.imap.preAuthLiteralSize: expected at most"
                + " limits.imap.literalSize (4K), got '8K'");
    }

    @Test
    void loadShouldReportDefaultPreAuthLiteralAboveConfiguredLiteralLimitOnTheLiteralLine() {
        Path file = SettingsFiles.write(base, "limits.imap.literalSize=2k");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: limits.imap.preAuthLiteralSize: expected at most"
                + " limits.imap.literalSize (2k), got '8K'");
    }
}
