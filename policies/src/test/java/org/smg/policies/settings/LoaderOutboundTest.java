package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderOutboundTest {

    @TempDir
    Path base;

    @Test
    void loadShouldHaveNoSmartHostAndSystemTrustWhenOutboundKeysAreEmpty() throws SettingsException {
        Path file = SettingsFiles.write(base, "outbound.smarthost=", "outbound.trustStore=",
                "outbound.auth.usernameFile=", "outbound.auth.passwordFile=");

        OutboundSettings outbound = GatewaySettingsLoader.load(file, base).outbound();

        assertThat(outbound.smartHost()).isEmpty();
        assertThat(outbound.tls()).isEqualTo(OutboundTls.STARTTLS);
        assertThat(outbound.trustStore()).isEmpty();
        assertThat(outbound.usernameFile()).isEmpty();
    }

    @Test
    void loadShouldParseHostNameAndPortWhenSmartHostIsSet() throws SettingsException {
        Path file = SettingsFiles.write(base, "outbound.smarthost=Smtp.Agency.example:587");

        SmartHost host = GatewaySettingsLoader.load(file, base).outbound().smartHost().orElseThrow();

        assertThat(host).isEqualTo(new SmartHost("smtp.agency.example", 587));
        assertThat(host.isLoopback()).isFalse();
    }

    @Test
    void loadShouldParseBracketedIpv6AndSeeLoopbackWhenSmartHostIsLocal() throws SettingsException {
        Path file = SettingsFiles.write(base, "outbound.smarthost=[::1]:2525", "outbound.tls=implicit");

        OutboundSettings outbound = GatewaySettingsLoader.load(file, base).outbound();

        assertThat(outbound.smartHost().orElseThrow().toString()).isEqualTo("[::1]:2525");
        assertThat(outbound.smartHost().orElseThrow().isLoopback()).isTrue();
        assertThat(outbound.tls()).isEqualTo(OutboundTls.IMPLICIT);
    }

    @Test
    void isLoopbackShouldBeTrueOnlyForLocalhostAndLoopbackLiterals() {
        assertThat(SmartHost.parse("localhost:25").isLoopback()).isTrue();
        assertThat(SmartHost.parse("127.0.0.2:25").isLoopback()).isTrue();
        assertThat(SmartHost.parse("10.0.0.1:25").isLoopback()).isFalse();
        assertThat(SmartHost.parse("localhost.example:25").isLoopback()).isFalse();
    }

    @Test
    void loadShouldRefuseSmartHostWhenPortIsMissingOrOutOfRangeOrHostIsMalformed() {
        for (String value : List.of("smtp.agency.example", "smtp.agency.example:", "smtp.agency.example:0",
                "smtp.agency.example:70000", ":25", "bad_host:25", "::1:25", "[10.0.0.1]:25")) {
            Path file = SettingsFiles.write(base, "outbound.smarthost=" + value);

            List<String> errors = SettingsFiles.errors(file, base);

            assertThat(errors).as(value).containsExactly(file + ":1: outbound.smarthost: expected " + SmartHost.EXPECTED
                    + ", got '" + value + "'");
        }
    }

    @Test
    void loadShouldRefuseUnknownTlsMode() {
        Path file = SettingsFiles.write(base, "outbound.tls=none");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: outbound.tls: expected one of starttls, implicit, got 'none'");
    }

    @Test
    void loadShouldRequirePasswordFileWhenUserNameFileIsSet() {
        SettingsFiles.touch(base, "secrets/smarthost.user");
        Path file = SettingsFiles.write(base, "outbound.smarthost=smtp.agency.example:587",
                "outbound.auth.usernameFile=secrets/smarthost.user");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: outbound.auth.passwordFile: missing;"
                + " AUTH needs both a user name file and a password file");
    }

    @Test
    void loadShouldRefuseTrustStoreThatDoesNotExist() {
        Path file = SettingsFiles.write(base, "outbound.trustStore=conf/missing.p12");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).singleElement().asString()
                .startsWith(file + ":1: outbound.trustStore: file not found: '")
                .endsWith("'; expected a PKCS#12 trust store of CA certificates");
    }

    @Test
    void loadShouldRefuseTrustStorePasswordFileWithoutTrustStore() {
        SettingsFiles.touch(base, "secrets/trust.password");
        Path file = SettingsFiles.write(base, "outbound.trustStore.passwordFile=secrets/trust.password");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: outbound.trustStore.passwordFile: is only used with"
                + " outbound.trustStore, which is not set; set it or remove this key");
    }

    @Test
    void builderShouldRejectMalformedSmartHost() {
        assertThatThrownBy(() -> GatewaySettings.builder().smartHost("no-port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected host:port");
    }
}
