package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderScannerTest {

    @TempDir
    Path base;

    @Test
    void loadShouldUseEmbeddedClamdAndDefaultLimitsWhenScannerKeysAreAbsent() throws SettingsException {
        Path file = SettingsFiles.write(base, "# nothing");

        ScannerSettings scanner = GatewaySettingsLoader.load(file, base).scanner();

        assertThat(scanner.clamd().kind()).isEqualTo(ClamdLocation.Kind.EMBEDDED);
        assertThat(scanner.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(scanner.maxFileSize()).isEqualTo(200L << 20);
        assertThat(scanner.retryDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void loadShouldResolveRelativeUnixSocketAgainstBaseDirectory() throws SettingsException {
        Path file = SettingsFiles.write(base, "scanner.clamd=unix:run/clamd.sock");

        ClamdLocation clamd = GatewaySettingsLoader.load(file, base).scanner().clamd();

        assertThat(clamd.kind()).isEqualTo(ClamdLocation.Kind.UNIX);
        assertThat(clamd.socket()).isEqualTo(base.toAbsolutePath().resolve("run/clamd.sock").normalize());
    }

    @Test
    void loadShouldAcceptLoopbackTcpWhenHostIsIpv4OrIpv6Loopback() throws SettingsException {
        Path v4 = SettingsFiles.write(base, "scanner.clamd=tcp:127.0.0.1:3310");
        ClamdLocation first = GatewaySettingsLoader.load(v4, base).scanner().clamd();
        Path v6 = SettingsFiles.write(base, "scanner.clamd=tcp:[::1]:3310", "scanner.timeout=5s", "scanner.maxFileSize=50M");

        GatewaySettings second = GatewaySettingsLoader.load(v6, base);

        assertThat(first.host()).isEqualTo("127.0.0.1");
        assertThat(first.port()).isEqualTo(3310);
        assertThat(second.scanner().clamd().toString()).isEqualTo("tcp:[::1]:3310");
        assertThat(second.scanner().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(second.scanner().maxFileSize()).isEqualTo(50L << 20);
    }

    @Test
    void loadShouldRefuseTcpClamdWhenHostIsNotLoopback() {
        Path file = SettingsFiles.write(base, "scanner.clamd=tcp:192.0.2.10:3310");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).singleElement().asString()
                .startsWith(file + ":1: scanner.clamd: expected embedded, unix:/path/to/clamd.sock or tcp:127.0.0.1:3310")
                .endsWith("got 'tcp:192.0.2.10:3310'; attachments would cross the network in clear");
    }

    @Test
    void loadShouldRefuseMalformedClamdAndOutOfRangeLimits() {
        Path file = SettingsFiles.write(base, "scanner.clamd=clamd.example:3310", "scanner.timeout=0s",
                "scanner.maxFileSize=3G");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith(file + ":1: scanner.clamd: expected embedded,")
                .endsWith("got 'clamd.example:3310'");
        assertThat(errors.get(1)).startsWith(file + ":2: scanner.timeout: expected ").contains("got '0s'");
        assertThat(errors.get(2)).startsWith(file + ":3: scanner.maxFileSize: expected ").contains("got '3G'");
    }

    @Test
    void loadShouldRefuseEmptyClamdAndBadTcpPort() {
        Path empty = SettingsFiles.write(base, "scanner.clamd=");
        List<String> emptyErrors = SettingsFiles.errors(empty, base);
        Path badPort = SettingsFiles.write(base, "scanner.clamd=tcp:127.0.0.1:99999");

        List<String> portErrors = SettingsFiles.errors(badPort, base);

        assertThat(emptyErrors).singleElement().asString().contains("scanner.clamd: empty value; expected embedded");
        assertThat(portErrors).singleElement().asString().endsWith("got 'tcp:127.0.0.1:99999'");
    }
}
