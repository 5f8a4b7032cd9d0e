package org.smg.gateway.smtp;

import java.util.List;

import org.smg.policies.settings.Cidr;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.RelayTlsRequirement;

/**
 * What the relay port's handlers need from the settings, handed to them by Guice as typed values
 * (never written into the generated XML and parsed back).
 *
 * @param allowList networks of the staff MTAs (relay.allowList), never empty
 * @param auth whether staff MTAs may AUTH on the relay port, after STARTTLS (relay.auth)
 * @param requireTls which relay clients must STARTTLS before MAIL FROM (relay.requireTls)
 */
public record RelayPolicy(List<Cidr> allowList, boolean auth, RelayTlsRequirement requireTls) {
    public RelayPolicy {
        allowList = List.copyOf(allowList);
    }

    public static RelayPolicy from(GatewaySettings settings) {
        return new RelayPolicy(settings.relayAllowList(), settings.relayAuth(), settings.relayRequireTls());
    }
}
