package org.smg.policies.settings;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which staff MTAs must start TLS on the relay port before MAIL FROM (relay.requireTls). A stripped
 * STARTTLS must not let citizen data cross the network in clear, so the default covers every client
 * that is not on this machine.
 */
public enum RelayTlsRequirement {
    /** Every client except one connecting from a loopback address (same host, no network to strip TLS on). */
    NON_LOOPBACK("non-loopback"),
    /** Every client, loopback included. */
    ALWAYS("always"),
    /** No client; only for a relay reached over a network protected otherwise (a VPN, an IPsec tunnel). */
    NEVER("never");

    static final String EXPECTED = "one of " + Arrays.stream(values())
            .map(RelayTlsRequirement::value).collect(Collectors.joining(", "));

    private final String value;

    RelayTlsRequirement(String value) {
        this.value = value;
    }

    /** The spelling used in gateway.properties. */
    public String value() {
        return value;
    }

    /** Tells whether a client connecting from this address must start TLS before MAIL FROM. */
    public boolean appliesTo(InetAddress client) {
        return switch (this) {
            case NON_LOOPBACK -> !client.isLoopbackAddress();
            case ALWAYS -> true;
            case NEVER -> false;
        };
    }

    /** Parses the exact spelling; an unknown value is an error, never a default. */
    static RelayTlsRequirement parse(String text) {
        return Arrays.stream(values())
                .filter(requirement -> requirement.value.equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Messages.expected(EXPECTED, text)));
    }

    @Override
    public String toString() {
        return value;
    }
}
