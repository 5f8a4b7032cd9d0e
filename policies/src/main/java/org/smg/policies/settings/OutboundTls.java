package org.smg.policies.settings;

/** How the connection to the smart host is encrypted (outbound.tls). */
public enum OutboundTls implements Setting.Choice {
    /** Plain connection upgraded with STARTTLS (submission 587, relay 25); required unless the host is loopback. */
    STARTTLS("starttls"),
    /** TLS from the first byte (RFC 8314 port 465). */
    IMPLICIT("implicit");

    private final String text;

    OutboundTls(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
