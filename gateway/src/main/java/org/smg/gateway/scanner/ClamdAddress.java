package org.smg.gateway.scanner;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

import org.smg.policies.settings.ClamdLocation;

/** Where a clamd listens, as a socket address: a Unix socket or a loopback TCP port. */
public final class ClamdAddress {

    private final SocketAddress address;
    private final StandardProtocolFamily family;
    private final String description;

    private ClamdAddress(SocketAddress address, StandardProtocolFamily family, String description) {
        this.address = address;
        this.family = family;
        this.description = description;
    }

    public static ClamdAddress unix(Path socket) {
        return new ClamdAddress(UnixDomainSocketAddress.of(socket), StandardProtocolFamily.UNIX, "unix:" + socket);
    }

    /** A TCP address; the settings only allow loopback hosts (see {@link ClamdLocation}). */
    public static ClamdAddress tcp(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        StandardProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        return new ClamdAddress(address, family, "tcp:" + host + ":" + port);
    }

    /** The address of a clamd named in the settings; the embedded one has its address only once started. */
    public static ClamdAddress of(ClamdLocation location) {
        switch (location.kind()) {
            case UNIX:
                return unix(location.socket());
            case TCP:
                return tcp(location.host(), location.port());
            default:
                throw new IllegalArgumentException("the embedded clamd's address is known once it runs");
        }
    }

    SocketAddress socketAddress() {
        return address;
    }

    StandardProtocolFamily family() {
        return family;
    }

    @Override
    public String toString() {
        return description;
    }
}
