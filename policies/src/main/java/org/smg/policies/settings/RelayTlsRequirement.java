package org.smg.policies.settings;

import java.net.InetAddress;

/** Which staff MTAs must use STARTTLS on the relay port before MAIL (relay.requireTls). */
public enum RelayTlsRequirement implements Setting.Choice {
    /** Every client but one on the loopback interface: a stripped STARTTLS cannot send citizen data in clear. */
    NON_LOOPBACK("non-loopback"),
    /** Every client, loopback included. */
    ALWAYS("always"),
    /** No client: only for a relay port reachable solely through a protected network. */
    NEVER("never");

    private final String text;

    RelayTlsRequirement(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }

    /** True when a client connecting from {@code client} must start TLS before MAIL. */
    public boolean appliesTo(InetAddress client) {
        switch (this) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                return !client.isLoopbackAddress();
        }
    }
}
