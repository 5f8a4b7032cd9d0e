package org.smg.policies.settings;

import static org.smg.policies.settings.SettingKeys.DOMAINS;
import static org.smg.policies.settings.SettingKeys.HOSTNAME;
import static org.smg.policies.settings.SettingKeys.RELAY_ALLOW_LIST;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The values a builder collects, starting at the defaults, and the checks that turn them into settings. */
final class SettingsDraft {

    String file = "";
    Path baseDirectory = Path.of("");
    Path configurationDirectory;
    String hostname = "localhost";
    List<String> domains = List.of("gateway.localhost");
    Path dataDirectory = Path.of("var");
    InetAddress bindAddress = IpLiterals.parseAddress("127.0.0.1", "an IP address");
    final Map<String, Integer> ports = Ports.defaults();
    List<Cidr> relayAllowList = List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("::1/128"));
    boolean relayAuth;
    RelayTlsRequirement relayRequireTls = RelayTlsRequirement.NON_LOOPBACK;
    String secretVariable = SecretSource.DEFAULT_VARIABLE;
    Path secretFile;
    Path tlsKeystore;
    Path tlsKeystorePasswordFile;
    Path tlsCertificate;
    Path tlsPrivateKey;
    final LimitsDraft limits = new LimitsDraft();

    final Map<String, Problems.Origin> origins = new HashMap<>();
    final Set<String> unparsedKeys = new HashSet<>();
    final List<SettingsError> earlierErrors = new ArrayList<>();

    /** Checks everything, so that one start-up attempt shows the administrator every mistake. */
    GatewaySettings build() throws SettingsException {
        Problems problems = new Problems(file, Map.copyOf(origins), Set.copyOf(unparsedKeys), earlierErrors);
        problems.expect(HostNames.isValid(hostname), HOSTNAME, HostNames.EXPECTED_HOST, hostname);
        List<String> checkedDomains = checkDomains(problems);
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path data = PathRules.resolve(base, dataDirectory);
        Ports checkedPorts = Ports.check(ports, problems);
        checkRelayAllowList(problems);
        SecretSource secret = SecretSource.create(secretVariable, secretFile, base, data, configurationDirectory,
                problems);
        TlsSettings tls = TlsSettings.create(tlsKeystore, tlsKeystorePasswordFile, tlsCertificate, tlsPrivateKey,
                base, problems);
        Limits checkedLimits = Limits.create(limits, problems);
        problems.throwIfAny();
        return new GatewaySettings(hostname, checkedDomains, data, bindAddress, checkedPorts, relayAllowList,
                secret, tls, checkedLimits, new GatewaySettings.RelayRules(relayAuth, relayRequireTls));
    }

    private List<String> checkDomains(Problems problems) {
        problems.expect(!domains.isEmpty(), DOMAINS, "a comma-separated list of " + HostNames.EXPECTED_DOMAINS, "");
        List<String> lowerCased = new ArrayList<>();
        for (String domain : domains) {
            problems.expect(HostNames.isValid(domain), DOMAINS, HostNames.EXPECTED_DOMAIN, domain);
            String lowerCase = domain.toLowerCase(Locale.ROOT);
            if (lowerCased.contains(lowerCase) && problems.usable(DOMAINS)) {
                problems.add(DOMAINS, "duplicate domain '" + lowerCase + "'; list each domain once");
            }
            lowerCased.add(lowerCase);
        }
        return lowerCased.stream().distinct().toList();
    }

    private void checkRelayAllowList(Problems problems) {
        problems.expect(!relayAllowList.isEmpty(), RELAY_ALLOW_LIST,
                "a comma-separated list of " + Cidr.EXPECTED_ENTRIES, "");
        for (Cidr network : relayAllowList) {
            if (network.coversEveryAddress() && problems.usable(RELAY_ALLOW_LIST)) {
                problems.add(RELAY_ALLOW_LIST, network + " would make the gateway an open relay"
                        + " (anyone could send mail through it); list only the networks of trusted clients");
            }
        }
    }
}
