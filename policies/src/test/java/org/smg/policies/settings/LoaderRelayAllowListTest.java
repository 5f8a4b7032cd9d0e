package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoaderRelayAllowListTest {

    @TempDir
    Path base;

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "::ffff:0:0/96", "::/64"})
    void loadShouldRefuseAnOpenRelayNetwork(String network) {
        Path file = SettingsFiles.write(base, "# settings", "relay.allowList=10.0.0.0/8," + network);

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: relay.allowList: " + Cidr.parse(network)
                + " would make the gateway an open relay (anyone could send mail through it);"
                + " list only the networks of trusted clients");
    }

    @Test
    void loadShouldSuggestTheNetworkWhenHostBitsAreSet() {
        Path file = SettingsFiles.write(base, "relay.allowList=192.168.1.1/24");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: relay.allowList: 192.168.1.1/24: host bits set;"
                + " did you mean 192.168.1.0/24?");
    }

    @Test
    void loadShouldReadNetworksAndSingleAddresses() throws SettingsException {
        Path file = SettingsFiles.write(base, "relay.allowList=10.0.0.0/8, 192.0.2.7 ,2001:DB8::/32,::1");

        List<Cidr> allowList = GatewaySettingsLoader.load(file, base).relayAllowList();

        assertThat(allowList).map(Cidr::toString)
                .containsExactly("10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32", "::1/128");
    }
}
