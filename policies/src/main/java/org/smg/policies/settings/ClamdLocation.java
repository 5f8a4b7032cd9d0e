package org.smg.policies.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the virus scanner listens (scanner.clamd): a clamd the gateway starts itself, a Unix socket
 * or a TCP port on this machine. Other hosts are refused because attachments would cross a network
 * in clear (clamd's protocol has no TLS and no authentication). Parsing never touches DNS.
 */
public final class ClamdLocation {

    static final String EXPECTED = "embedded, unix:/path/to/clamd.sock or tcp:127.0.0.1:3310"
            + " (TCP on a loopback address only: clamd's protocol has no encryption)";

    /** How the gateway reaches clamd. */
    public enum Kind {
        /** The gateway starts its own clamd with the project's signature database. */
        EMBEDDED,
        UNIX,
        TCP
    }

    private static final ClamdLocation EMBEDDED = new ClamdLocation(Kind.EMBEDDED, null, null, 0);

    private final Kind kind;
    private final Path socket;
    private final String host;
    private final int port;

    private ClamdLocation(Kind kind, Path socket, String host, int port) {
        this.kind = kind;
        this.socket = socket;
        this.host = host;
        this.port = port;
    }

    public static ClamdLocation embedded() {
        return EMBEDDED;
    }

    /** Parses the value as written; throws IllegalArgumentException saying what is expected. */
    public static ClamdLocation parse(String text) {
        if (text.equals("embedded")) {
            return EMBEDDED;
        }
        if (text.startsWith("unix:") && text.length() > "unix:".length()) {
            return new ClamdLocation(Kind.UNIX, PathRules.parse(text.substring("unix:".length())), null, 0);
        }
        if (text.startsWith("tcp:")) {
            return parseTcp(text);
        }
        throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
    }

    private static ClamdLocation parseTcp(String text) {
        String hostAndPort = text.substring("tcp:".length());
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        String host = hostAndPort.substring(0, colon);
        String port = hostAndPort.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost")) {
            host = "127.0.0.1";
        }
        if (!port.matches("[0-9]{1,5}") || !PortParser.isValid(Integer.parseInt(port))) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        byte[] address = IpLiterals.parse(host);
        if (address == null) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text));
        }
        if (!isLoopback(address)) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED, text)
                    + "; attachments would cross the network in clear");
        }
        return new ClamdLocation(Kind.TCP, null, IpLiterals.format(address), Integer.parseInt(port));
    }

    private static boolean isLoopback(byte[] address) {
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

    /** The same location with a relative socket path resolved against the base directory. */
    ClamdLocation resolve(Path base) {
        return kind == Kind.UNIX ? new ClamdLocation(kind, PathRules.resolve(base, socket), null, 0) : this;
    }

    public Kind kind() {
        return kind;
    }

    /** The Unix socket; only for {@link Kind#UNIX}. */
    public Path socket() {
        if (kind != Kind.UNIX) {
            throw new IllegalStateException("not a Unix socket location: " + this);
        }
        return socket;
    }

    /** The loopback address literal; only for {@link Kind#TCP}. */
    public String host() {
        if (kind != Kind.TCP) {
            throw new IllegalStateException("not a TCP location: " + this);
        }
        return host;
    }

    /** The TCP port; only for {@link Kind#TCP}. */
    public int port() {
        if (kind != Kind.TCP) {
            throw new IllegalStateException("not a TCP location: " + this);
        }
        return port;
    }

    @Override
    public String toString() {
        switch (kind) {
            case UNIX:
                return "unix:" + socket;
            case TCP:
                return "tcp:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            default:
                return "embedded";
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClamdLocation location && location.kind == kind && Objects.equals(location.socket, socket)
                && Objects.equals(location.host, host) && location.port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, socket, host, port);
    }
}
