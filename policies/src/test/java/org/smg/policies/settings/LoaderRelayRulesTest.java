package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderRelayRulesTest {

    @TempDir
    Path base;

    @Test
    void loadShouldReadRelayAuthAndRequireTlsAndMaxRecipients() throws SettingsException {
        Path file = SettingsFiles.write(base, "relay.auth=true", "relay.requireTls=always", "limits.maxRecipients=10000");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.relayAuth()).isTrue();
        assertThat(settings.relayRequireTls()).isEqualTo(RelayTlsRequirement.ALWAYS);
        assertThat(settings.limits().maxRecipients()).isEqualTo(10000);
    }

    @Test
    void loadShouldReadEveryRelayTlsRequirementSpelling() throws SettingsException {
        Path never = SettingsFiles.write(base.resolve("never"), "relay.requireTls=never");
        Path nonLoopback = SettingsFiles.write(base.resolve("nonLoopback"), "relay.requireTls=non-loopback");

        RelayTlsRequirement none = GatewaySettingsLoader.load(never, base).relayRequireTls();
        RelayTlsRequirement remote = GatewaySettingsLoader.load(nonLoopback, base).relayRequireTls();

        assertThat(none).isEqualTo(RelayTlsRequirement.NEVER);
        assertThat(remote).isEqualTo(RelayTlsRequirement.NON_LOOPBACK);
    }

    @Test
    void loadShouldAcceptOneRecipientAndRelayAuthFalse() throws SettingsException {
        Path file = SettingsFiles.write(base, "relay.auth=false", "limits.maxRecipients=1");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(settings.relayAuth()).isFalse();
        assertThat(settings.limits().maxRecipients()).isEqualTo(1);
    }

    @Test
    void buildShouldRefuseMaxRecipientsOutOfRangeSetInCode() {
        GatewaySettings.Builder builder = GatewaySettings.builder().baseDirectory(base).maxRecipients(0);

        SettingsException failure = catchThrowableOfType(builder::build, SettingsException.class);

        assertThat(failure.errors()).map(SettingsError::toString)
                .containsExactly("limits.maxRecipients: expected a whole number from 1 to 10000, got '0'");
    }

    @Test
    void nonLoopbackShouldCoverEveryClientButLoopbackAddresses() throws Exception {
        RelayTlsRequirement requirement = RelayTlsRequirement.NON_LOOPBACK;

        boolean v4Loopback = requirement.appliesTo(InetAddress.getByName("127.0.0.1"));
        boolean otherV4Loopback = requirement.appliesTo(InetAddress.getByName("127.0.0.2"));
        boolean v6Loopback = requirement.appliesTo(InetAddress.getByName("::1"));
        boolean lan = requirement.appliesTo(InetAddress.getByName("192.0.2.7"));
        boolean v6 = requirement.appliesTo(InetAddress.getByName("2001:db8::7"));
        boolean mappedLan = requirement.appliesTo(InetAddress.getByName("::ffff:192.0.2.7"));

        assertThat(v4Loopback).isFalse();
        assertThat(otherV4Loopback).isFalse();
        assertThat(v6Loopback).isFalse();
        assertThat(lan).isTrue();
        assertThat(v6).isTrue();
        assertThat(mappedLan).isTrue();
    }

    @Test
    void alwaysAndNeverShouldIgnoreTheClientAddress() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress remote = InetAddress.getByName("192.0.2.7");

        boolean alwaysLoopback = RelayTlsRequirement.ALWAYS.appliesTo(loopback);
        boolean neverRemote = RelayTlsRequirement.NEVER.appliesTo(remote);

        assertThat(alwaysLoopback).isTrue();
        assertThat(neverRemote).isFalse();
    }
}
