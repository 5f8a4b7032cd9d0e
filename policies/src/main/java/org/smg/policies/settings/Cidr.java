package org.smg.policies.settings;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/** An immutable IPv4 or IPv6 network (address plus prefix length) that can test whether it contains an address. */
public final class Cidr {

    static final String EXPECTED_ENTRIES = "networks such as 192.0.2.0/24, 2001:db8::/32 or 127.0.0.1";
    private static final String EXPECTED = "expected a network such as 192.0.2.0/24 or 2001:db8::/32,"
            + " or a single address such as 192.0.2.7 or ::1";
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses "address/prefix" or a single address ("10.0.0.1" means /32, "::1" means /128).
     *
     * @throws IllegalArgumentException naming the text and what is allowed
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        byte[] address = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException(text + ": not an IPv4 or IPv6 address; " + EXPECTED);
        }
        int maxPrefix = address.length * 8;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(text, text.substring(slash + 1), maxPrefix);
        byte[] network = mask(address, prefix);
        if (!Arrays.equals(network, address)) {
            // A typo such as 10.1.2.3/8 usually means the network, but silently widening it would be wrong.
            throw new IllegalArgumentException(text + ": host bits set; did you mean "
                    + IpLiterals.format(network) + "/" + prefix + "?");
        }
        return new Cidr(network, prefix);
    }

    private static int parsePrefix(String text, String prefix, int maxPrefix) {
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > maxPrefix) {
            throw new IllegalArgumentException(text + ": prefix length must be a number from 0 to " + maxPrefix
                    + " for " + (maxPrefix == 32 ? "IPv4" : "IPv6"));
        }
        return Integer.parseInt(prefix);
    }

    /** Tells whether the address is in this network; IPv4-mapped IPv6 addresses match IPv4 networks. */
    public boolean contains(InetAddress address) {
        byte[] comparable = sameFamily(address.getAddress());
        return comparable != null && Arrays.equals(mask(comparable, prefixLength), network);
    }

    /** The number of leading bits that identify the network. */
    public int prefixLength() {
        return prefixLength;
    }

    /** True when the network spans every IPv4 or every IPv6 address, i.e. would make an open relay. */
    boolean coversEveryAddress() {
        if (prefixLength == 0) {
            return true;
        }
        // Dual-stack sockets present IPv4 clients as ::ffff:a.b.c.d, so a network holding all of them is open too.
        return network.length == 16 && prefixLength <= 96
                && Arrays.equals(mask(ipv4MappedBytes(new byte[4]), prefixLength), network);
    }

    private byte[] sameFamily(byte[] address) {
        if (address.length == network.length) {
            return address;
        }
        if (network.length == 4 && isIpv4Mapped(address)) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        if (network.length == 16 && address.length == 4) {
            return ipv4MappedBytes(address);
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] address) {
        return address.length == 16 && Arrays.equals(Arrays.copyOf(address, 12), MAPPED_PREFIX);
    }

    private static byte[] ipv4MappedBytes(byte[] ipv4) {
        byte[] mapped = Arrays.copyOf(MAPPED_PREFIX, 16);
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr
                && prefixLength == ((Cidr) other).prefixLength
                && Arrays.equals(network, ((Cidr) other).network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** Canonical form, e.g. "10.0.0.0/8" or "2001:db8::/32". */
    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }
}
