package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderDefaultsTest {

    private static final Path SHIPPED = Path.of("..", "conf", "gateway.properties");

    @TempDir
    Path base;

    @Test
    void loadShouldUseDocumentedDefaultsForEveryAbsentKey() throws Exception {
        Path file = SettingsFiles.write(base, "# nothing set");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertDefaults(settings, base.toAbsolutePath().normalize());
    }

    @Test
    void loadShouldReadTheShippedConfigurationAsTheDefaults() throws Exception {
        Path gatewayHome = Path.of("..");

        GatewaySettings settings = GatewaySettingsLoader.load(SHIPPED, gatewayHome);

        assertDefaults(settings, gatewayHome.toAbsolutePath().normalize());
    }

    @Test
    void shippedConfigurationShouldSetEveryKeyButTlsAndMentionTlsKeysInComments() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);

        for (String key : SettingCatalog.ALL.stream().map(Setting::key).toList()) {
            String expectedStart = key.startsWith("tls.") ? "#" + key + "=" : key + "=";
            assertThat(lines).as(key).anyMatch(line -> line.startsWith(expectedStart));
        }
    }

    @Test
    void shippedConfigurationShouldWriteEveryDeclaredDefault() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);

        for (Setting<?> setting : SettingCatalog.ALL) {
            if (setting.optional() || setting.defaultValue() == null) {
                continue;
            }
            String prefix = setting.key() + "=";
            String written = lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()).strip()).orElseThrow();
            assertThat(setting.parse(written)).as(setting.key()).isEqualTo(setting.defaultValue());
        }
    }

    @Test
    void loadShouldResolveRelativeDataDirectoryAgainstBaseDirectory() throws Exception {
        Path file = SettingsFiles.write(base, "gateway.dataDir=state/../data");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.dataDirectory()).isEqualTo(base.toAbsolutePath().resolve("data"));
    }

    @Test
    void loadShouldKeepAbsoluteDataDirectory() throws Exception {
        Path elsewhere = base.resolve("elsewhere").toAbsolutePath();
        Path file = SettingsFiles.write(base, "gateway.dataDir=" + elsewhere);

        GatewaySettings settings = GatewaySettingsLoader.load(file, base.resolve("unused"));

        assertThat(settings.dataDirectory()).isEqualTo(elsewhere);
    }

    @Test
    void loadShouldLowerCaseDomainsAndMakeTheFirstTheDefault() throws Exception {
        Path file = SettingsFiles.write(base, "gateway.domains= Example.COM , mail.Example.org");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.domains()).containsExactly("example.com", "mail.example.org");
        assertThat(settings.defaultDomain()).isEqualTo("example.com");
    }

    @Test
    void loadShouldRejectDuplicateDomainsIgnoringCase() {
        Path file = SettingsFiles.write(base, "# settings", "gateway.domains=example.com,EXAMPLE.com");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: gateway.domains: duplicate domain 'example.com';"
                + " list each domain once");
    }

    @Test
    void loadShouldAcceptIpv6AndWildcardBindAddressesWithoutDnsLookup() throws Exception {
        Path v6 = SettingsFiles.write(base.resolve("v6"), "gateway.bindAddress=::");
        Path v4 = SettingsFiles.write(base.resolve("v4"), "gateway.bindAddress=0.0.0.0");

        InetAddress any6 = GatewaySettingsLoader.load(v6, base).bindAddress();
        InetAddress any4 = GatewaySettingsLoader.load(v4, base).bindAddress();

        assertThat(any6.getAddress()).hasSize(16).containsOnly(0);
        assertThat(any4.getHostAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void loadShouldAcceptSizesWithAnySuffixCase() throws Exception {
        Path file = SettingsFiles.write(base, "limits.maxMessageSize=1024k", "limits.imap.literalSize=1500m");

        Limits limits = GatewaySettingsLoader.load(file, base).limits();

        assertThat(limits.maxMessageSize()).isEqualTo(1024L * 1024);
        assertThat(limits.imapLiteralSizeLimit()).isEqualTo(1500L * 1024 * 1024);
    }

    private static void assertDefaults(GatewaySettings settings, Path home) {
        assertThat(settings.hostname()).isEqualTo("localhost");
        assertThat(settings.domains()).containsExactly("gateway.localhost");
        assertThat(settings.defaultDomain()).isEqualTo("gateway.localhost");
        assertThat(settings.dataDirectory()).isEqualTo(home.resolve("var"));
        assertThat(settings.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(List.of(settings.relayPort(), settings.submissionPort(), settings.smtpsPort(), settings.imapPort(),
                settings.imapsPort(), settings.webPort(), settings.webAdminPort()))
                .containsExactly(2525, 1587, 1465, 1143, 1993, 8443, 8000);
        assertThat(settings.relayAllowList()).map(Cidr::toString).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(settings.relayAuth()).isFalse();
        assertThat(settings.relayRequireTls()).isEqualTo(RelayTlsRequirement.NON_LOOPBACK);
        assertThat(settings.storageSecret().environmentVariable()).isEqualTo("SMG_STORAGE_SECRET");
        assertThat(settings.storageSecret().file()).isEqualTo(home.resolve("secrets").resolve("storage.secret"));
        assertThat(settings.tls().isSelfSigned()).isTrue();
        assertThat(settings.tls().keystore()).isEmpty();
        assertThat(settings.tls().keystorePasswordFile()).isEmpty();
        assertThat(settings.tls().certificateChain()).isEmpty();
        assertThat(settings.tls().privateKey()).isEmpty();
        Limits limits = settings.limits();
        assertThat(limits.maxMessageSize()).isEqualTo(300L * 1024 * 1024);
        assertThat(limits.connectionsPerIp()).isEqualTo(20);
        assertThat(limits.connections()).isEqualTo(500);
        assertThat(limits.imapLiteralSizeLimit()).isEqualTo(300L * 1024 * 1024);
        assertThat(limits.imapPreAuthLiteralSizeLimit()).isEqualTo(8L * 1024);
        assertThat(limits.imapMaxLiteralsPerCommand()).isEqualTo(64);
        assertThat(limits.imapMaxLineLength()).isEqualTo(65536);
        assertThat(limits.authFailuresBeforeDelay()).isEqualTo(3);
        assertThat(limits.authMaxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.maxRecipients()).isEqualTo(50);
        assertThat(settings.outbound().smartHost()).isEmpty();
        assertThat(settings.outbound().tls()).isEqualTo(OutboundTls.STARTTLS);
        assertThat(settings.outbound().trustStore()).isEmpty();
        assertThat(settings.outbound().usernameFile()).isEmpty();
    }
}
