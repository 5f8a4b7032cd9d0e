package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsBuilderTest {

    @TempDir
    Path base;

    @Test
    void buildShouldStartFromTheDocumentedDefaults() throws SettingsException {
        GatewaySettings.Builder builder = GatewaySettings.builder().baseDirectory(base);

        GatewaySettings settings = builder.build();

        assertThat(settings.hostname()).isEqualTo("localhost");
        assertThat(settings.defaultDomain()).isEqualTo("gateway.localhost");
        assertThat(settings.dataDirectory()).isEqualTo(base.toAbsolutePath().resolve("var"));
        assertThat(settings.relayPort()).isEqualTo(2525);
        assertThat(settings.storageSecret().file()).isEqualTo(base.toAbsolutePath().resolve("secrets/storage.secret"));
        assertThat(settings.limits().authMaxDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void buildShouldListEveryProblemOfTypedValuesWithoutFileOrLine() {
        GatewaySettings.Builder builder = GatewaySettings.builder()
                .baseDirectory(base)
                .hostname("bad host")
                .domains(List.of())
                .relayPort(0)
                .imapPort(1587)
                .relayAllowList(List.of(Cidr.parse("0.0.0.0/0")))
                .storageSecretEnvironmentVariable("lower")
                .maxMessageSize(10)
                .authMaxDelay(Duration.ofMinutes(5));

        SettingsException failure = catchThrowableOfType(builder::build, SettingsException.class);

        assertThat(failure.errors()).map(SettingsError::toString).containsExactly(
                "gateway.hostname: expected " + HostNames.EXPECTED_HOST + ", got 'bad host'",
                "gateway.domains: empty value; expected a comma-separated list of domain names such as example.com",
                "smtp.relay.port: expected a port number 1-65535, got '0'",
                "imap.port: port 1587 is also used by smtp.submission.port; give each service its own port",
                "relay.allowList: 0.0.0.0/0 would make the gateway an open relay (anyone could send mail through it);"
                        + " list only the networks of trusted clients",
                "storage.secret.env: expected " + SecretSource.EXPECTED_VARIABLE + ", got 'lower'",
                "limits.maxMessageSize: expected a size from 1K to 2G, got '10'",
                "limits.auth.maxDelay: expected a duration from 0s to 60s, got '300s'");
        assertThat(failure.errors()).allSatisfy(error -> {
            assertThat(error.file()).isEmpty();
            assertThat(error.line()).isZero();
        });
    }

    @Test
    void buildShouldRefuseEmptyRelayAllowList() {
        GatewaySettings.Builder builder = GatewaySettings.builder().baseDirectory(base).relayAllowList(List.of());

        SettingsException failure = catchThrowableOfType(builder::build, SettingsException.class);

        assertThat(failure.getMessage()).isEqualTo("relay.allowList: empty value; expected a comma-separated list"
                + " of networks such as 192.0.2.0/24, 2001:db8::/32 or 127.0.0.1");
    }

    @Test
    void buildShouldRefuseSecretFileInsideTheGivenConfigurationDirectory() {
        Path conf = base.resolve("conf");
        GatewaySettings.Builder builder = GatewaySettings.builder().baseDirectory(base).configurationDirectory(conf)
                .storageSecretFile(Path.of("conf/secret"));

        SettingsException failure = catchThrowableOfType(builder::build, SettingsException.class);

        assertThat(failure.getMessage()).isEqualTo("storage.secret.file: must be outside the configuration directory '"
                + conf.toAbsolutePath() + "', got '" + conf.toAbsolutePath().resolve("secret") + "'");
    }

    @Test
    void buildShouldReturnImmutableValues() throws Exception {
        GatewaySettings settings = GatewaySettings.builder().baseDirectory(base)
                .domains(List.of("Example.com")).bindAddress(InetAddress.getByName("::1")).build();

        List<String> domains = settings.domains();
        List<Cidr> allowList = settings.relayAllowList();

        assertThatThrownBy(() -> domains.add("other.example")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> allowList.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(domains).containsExactly("example.com");
    }

    @Test
    void buildShouldNotBeAffectedByLaterChangesToTheBuilder() throws SettingsException {
        GatewaySettings.Builder builder = GatewaySettings.builder().baseDirectory(base).connections(10);
        GatewaySettings first = builder.build();

        builder.connections(20).relayPort(25);
        GatewaySettings second = builder.build();

        assertThat(first.limits().connections()).isEqualTo(10);
        assertThat(first.relayPort()).isEqualTo(2525);
        assertThat(second.limits().connections()).isEqualTo(20);
        assertThat(second.relayPort()).isEqualTo(25);
    }
}
