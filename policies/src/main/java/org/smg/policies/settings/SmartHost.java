package org.smg.policies.settings;

import java.util.Locale;

/**
 * The one mail server all outbound mail leaves through (outbound.smarthost): a host name or an
 * IP literal (IPv6 in brackets) and a port. Parsing never touches DNS.
 *
 * @param host the host name, lower-cased, or the address literal without brackets
 * @param port 1-65535
 */
public record SmartHost(String host, int port) {

    static final String EXPECTED = "host:port, such as smtp.agency.example:587, 192.0.2.10:25 or [2001:db8::1]:587"
            + " (empty for none)";

    static SmartHost parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            byte[] address = IpLiterals.parse(host);
            if (address == null || address.length != 16) {
                throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
            }
        } else if (host.contains(":") || (IpLiterals.parse(host) == null && !HostNames.isValid(host))) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        if (!port.matches("[0-9]{1,5}") || !PortParser.isValid(Integer.parseInt(port))) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        return new SmartHost(host.toLowerCase(Locale.ROOT), Integer.parseInt(port));
    }

    /**
     * True for localhost and loopback literals: a relay on the same host, where a STARTTLS stripped by
     * an attacker on the network is not possible. Decided from the text, never from DNS.
     */
    public boolean isLoopback() {
        if (host.equals("localhost")) {
            return true;
        }
        byte[] address = IpLiterals.parse(host);
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
