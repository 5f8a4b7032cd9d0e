package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The values a builder collects, starting at the declared defaults, and the checks that turn them into settings. */
final class SettingsDraft {

    String file = "";
    Path baseDirectory = Path.of("");
    Path configurationDirectory;
    final SettingValues values = new SettingValues();

    final Map<String, Problems.Origin> origins = new HashMap<>();
    final Set<String> unparsedKeys = new HashSet<>();
    final List<SettingsError> earlierErrors = new ArrayList<>();

    /** Checks everything, so that one start-up attempt shows the administrator every mistake. */
    GatewaySettings build() throws SettingsException {
        Problems problems = new Problems(file, Map.copyOf(origins), Set.copyOf(unparsedKeys), earlierErrors);
        SettingValues checked = values.copy();
        checked.check(problems);
        checkDomains(checked.get(DOMAINS), problems);
        checkRelayAllowList(checked.get(RELAY_ALLOW_LIST), problems);
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path data = PathRules.resolve(base, checked.get(DATA_DIR));
        Ports ports = Ports.check(checked, problems);
        SecretSource secret = SecretSource.create(checked.get(SECRET_ENV), checked.get(SECRET_FILE), base, data,
                configurationDirectory, problems);
        TlsSettings tls = TlsSettings.create(checked.get(TLS_KEYSTORE), checked.get(TLS_KEYSTORE_PASSWORD_FILE),
                checked.get(TLS_CERTIFICATE), checked.get(TLS_PRIVATE_KEY), base, problems);
        Limits limits = Limits.create(checked, problems);
        OutboundSettings outbound = OutboundSettings.create(checked, base, problems);
        ScannerSettings scanner = ScannerSettings.create(checked, base);
        problems.throwIfAny();
        return new GatewaySettings(checked, data, ports, secret, tls, limits, outbound, scanner);
    }

    private static void checkDomains(List<String> domains, Problems problems) {
        problems.expect(!domains.isEmpty(), DOMAINS.key(),
                "a comma-separated list of " + HostNames.EXPECTED_DOMAINS, "");
        Set<String> seen = new HashSet<>();
        for (String domain : domains) {
            problems.expect(HostNames.isValid(domain), DOMAINS.key(), HostNames.EXPECTED_DOMAIN, domain);
            if (!seen.add(domain) && problems.usable(DOMAINS.key())) {
                problems.add(DOMAINS.key(), "duplicate domain '" + domain + "'; list each domain once");
            }
        }
    }

    private static void checkRelayAllowList(List<Cidr> networks, Problems problems) {
        problems.expect(!networks.isEmpty(), RELAY_ALLOW_LIST.key(),
                "a comma-separated list of " + Cidr.EXPECTED_ENTRIES, "");
        for (Cidr network : networks) {
            if (network.coversEveryAddress() && problems.usable(RELAY_ALLOW_LIST.key())) {
                problems.add(RELAY_ALLOW_LIST.key(), network + " would make the gateway an open relay"
                        + " (anyone could send mail through it); list only the networks of trusted clients");
            }
        }
    }
}
