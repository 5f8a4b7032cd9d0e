package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsLoaderTest {

    @TempDir
    Path base;

    @Test
    void loadShouldReportMissingFileAsOneErrorNamingTheFileAsGiven() {
        Path missing = Path.of("conf", "gateway.properties");

        SettingsException failure = catchThrowableOfType(
                () -> GatewaySettingsLoader.load(missing, base), SettingsException.class);

        assertThat(failure.getMessage())
                .isEqualTo("conf/gateway.properties: file not found; expected the gateway settings file");
        assertThat(failure.errors()).hasSize(1);
    }

    @Test
    void loadShouldReportDirectoryGivenAsSettingsFile() throws IOException {
        Path directory = Files.createDirectories(base.resolve("conf"));

        List<String> errors = SettingsFiles.errors(directory, base);

        assertThat(errors).containsExactly(directory + ": is a directory; expected the gateway settings file");
    }

    @Test
    void loadShouldRejectUnknownKeyWithItsLineNumber() {
        Path file = SettingsFiles.write(base, "# settings", "", "smtp.relay.prot=2525");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).singleElement().asString()
                .startsWith(file + ":3: smtp.relay.prot: unknown key; allowed keys are: gateway.hostname, ")
                .contains("smtp.relay.port", "tls.privateKey")
                .endsWith(", limits.auth.maxDelay, outbound.smarthost, outbound.tls, outbound.trustStore,"
                        + " outbound.trustStore.passwordFile, outbound.auth.usernameFile, outbound.auth.passwordFile,"
                        + " dkim.selector, scanner.clamd, scanner.timeout, scanner.maxFileSize, scanner.retryDelay");
    }

    @Test
    void loadShouldRejectDuplicateKeyNamingTheFirstLine() {
        Path file = SettingsFiles.write(base, "imap.port=1143", "# again", "imap.port=1144");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":3: imap.port: duplicate key; already set on line 1"
                + " (set each key once)");
    }

    @Test
    void loadShouldRejectLineWithoutEqualsSign() {
        Path file = SettingsFiles.write(base, "gateway.hostname localhost");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: expected key=value or a # comment,"
                + " got 'gateway.hostname localhost'");
    }

    @Test
    void loadShouldRejectLineWithoutKey() {
        Path file = SettingsFiles.write(base, "# settings", " = 2525");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: missing key before '='");
    }

    @Test
    void loadShouldCollectEveryErrorInFileOrder() {
        Path file = SettingsFiles.write(base,
                "smtp.relay.port=abc",
                "limits.maxMessageSize=1.5M",
                "gateway.hostnme=mail.example.com",
                "not a setting",
                "smtp.relay.port=2526",
                "relay.allowList=0.0.0.0/0",
                "limits.auth.maxDelay=");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).hasSize(7);
        assertThat(errors.get(0)).isEqualTo(file + ":1: smtp.relay.port: expected a port number 1-65535, got 'abc'");
        assertThat(errors.get(1)).isEqualTo(file + ":2: limits.maxMessageSize: expected a size such as 512K,"
                + " 100M or 1G, got '1.5M'");
        assertThat(errors.get(2)).startsWith(file + ":3: gateway.hostnme: unknown key; allowed keys are: ");
        assertThat(errors.get(3)).isEqualTo(file + ":4: expected key=value or a # comment, got 'not a setting'");
        assertThat(errors.get(4)).isEqualTo(file + ":5: smtp.relay.port: duplicate key; already set on line 1"
                + " (set each key once)");
        assertThat(errors.get(5)).startsWith(file + ":6: relay.allowList: 0.0.0.0/0 would make the gateway"
                + " an open relay");
        assertThat(errors.get(6)).isEqualTo(file + ":7: limits.auth.maxDelay: empty value;"
                + " expected a duration such as 500ms, 5s, 2m or 12h");
    }

    @Test
    void loadShouldReportEachBadEntryOfAListSeparately() {
        Path file = SettingsFiles.write(base, "relay.allowList=10.1.2.3/8, 10.0.0.0/8, 192.168.0.0/33");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(
                file + ":1: relay.allowList: 10.1.2.3/8: host bits set; did you mean 10.0.0.0/8?",
                file + ":1: relay.allowList: 192.168.0.0/33: prefix length must be a number from 0 to 32 for IPv4");
    }

    @Test
    void loadShouldShowRelativeSettingsFileAsGiven() {
        Path absolute = SettingsFiles.write(base, "# settings", "imap.port=x");
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);

        List<String> errors = SettingsFiles.errors(relative, base);

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(errors).containsExactly(relative + ":2: imap.port: expected a port number 1-65535, got 'x'");
    }

    @Test
    void loadShouldIgnoreCommentsBlankLinesAndSpacesAroundKeysAndValues() throws SettingsException {
        Path file = SettingsFiles.write(base,
                "# a comment",
                "   # an indented comment",
                "",
                "   ",
                "  gateway.hostname   =   mail.example.com   ",
                "\tsmtp.relay.port\t=\t25\t");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.hostname()).isEqualTo("mail.example.com");
        assertThat(settings.relayPort()).isEqualTo(25);
    }

    @Test
    void loadShouldIgnoreUtf8ByteOrderMark() throws SettingsException {
        Path file = SettingsFiles.write(base, "\uFEFFgateway.hostname=mail.example.com");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.hostname()).isEqualTo("mail.example.com");
    }

    @Test
    void loadShouldRejectFileThatIsNotUtf8() throws IOException {
        Path file = SettingsFiles.write(base);
        Files.write(file, "gateway.hostname=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ": not valid UTF-8 text; expected the gateway settings file");
    }

    @Test
    void loadShouldRejectPathWithNulCharacter() {
        Path file = SettingsFiles.write(base, "gateway.dataDir=var\u0000x");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: gateway.dataDir: expected a file system path,"
                + " got 'var\u0000x'");
    }

    @Test
    void loadShouldKeepValueContainingEqualsAndHashSigns() {
        Path file = SettingsFiles.write(base, "gateway.hostname=mail=example#1");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).singleElement().asString().endsWith("got 'mail=example#1'");
    }

    @Test
    void exceptionMessageShouldHaveExactlyOneLinePerError() {
        Path oneError = SettingsFiles.write(base.resolve("one"), "imap.port=0");
        Path twoErrors = SettingsFiles.write(base.resolve("two"), "imap.port=0", "web.port=0");

        SettingsException one = catchThrowableOfType(
                () -> GatewaySettingsLoader.load(oneError, base), SettingsException.class);
        SettingsException two = catchThrowableOfType(
                () -> GatewaySettingsLoader.load(twoErrors, base), SettingsException.class);

        assertThat(one.getMessage()).isEqualTo(oneError + ":1: imap.port: expected a port number 1-65535, got '0'");
        assertThat(two.getMessage().split("\n")).containsExactly(
                twoErrors + ":1: imap.port: expected a port number 1-65535, got '0'",
                twoErrors + ":2: web.port: expected a port number 1-65535, got '0'");
    }
}
