package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static final String EXPECTED = "expected a network such as 192.0.2.0/24 or 2001:db8::/32,"
            + " or a single address such as 192.0.2.7 or ::1";

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8",
        "10.0.0.1, 10.0.0.1/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "::1, ::1/128",
        "2001:DB8::/32, 2001:db8::/32",
        "2001:db8:0:0:1:0:0:0/80, 2001:db8:0:0:1::/80",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1/128",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4/128",
        "::ffff:192.0.2.0/120, ::ffff:192.0.2.0/120",
        "::ffff:c000:0200, ::ffff:192.0.2.0/128",
        "fe80::/10, fe80::/10"})
    void parseShouldWriteTheCanonicalForm(String text, String canonical) {
        Cidr cidr = Cidr.parse(text);

        assertThat(cidr).hasToString(canonical);
    }

    @Test
    void containsShouldMatchIpv4AddressesInsideThePrefixOnly() throws Exception {
        Cidr network = Cidr.parse("192.168.4.0/22");

        boolean first = network.contains(InetAddress.getByName("192.168.4.0"));
        boolean last = network.contains(InetAddress.getByName("192.168.7.255"));
        boolean outside = network.contains(InetAddress.getByName("192.168.8.0"));

        assertThat(first).isTrue();
        assertThat(last).isTrue();
        assertThat(outside).isFalse();
    }

    @Test
    void containsShouldMatchIpv6AddressesInsideThePrefixOnly() throws Exception {
        Cidr network = Cidr.parse("2001:db8:abcd::/48");

        boolean inside = network.contains(InetAddress.getByName("2001:db8:abcd:12::1"));
        boolean outside = network.contains(InetAddress.getByName("2001:db8:abce::1"));
        boolean otherFamily = network.contains(InetAddress.getByName("10.0.0.1"));

        assertThat(inside).isTrue();
        assertThat(outside).isFalse();
        assertThat(otherFamily).isFalse();
    }

    @Test
    void containsShouldMatchIpv4MappedIpv6AddressAgainstIpv4Network() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        InetAddress mappedAddress = Inet6Address.getByAddress(null, mapped, -1);

        boolean inTen = Cidr.parse("10.0.0.0/8").contains(mappedAddress);
        boolean inOther = Cidr.parse("11.0.0.0/8").contains(mappedAddress);

        assertThat(mappedAddress).isInstanceOf(Inet6Address.class);
        assertThat(inTen).isTrue();
        assertThat(inOther).isFalse();
    }

    @Test
    void containsShouldMatchIpv4AddressAgainstIpv4MappedNetwork() throws Exception {
        Cidr mappedNetwork = Cidr.parse("::ffff:10.0.0.0/104");

        boolean inside = mappedNetwork.contains(InetAddress.getByName("10.20.30.40"));
        boolean outside = mappedNetwork.contains(InetAddress.getByName("11.0.0.1"));

        assertThat(inside).isTrue();
        assertThat(outside).isFalse();
    }

    @Test
    void containsShouldMatchEverythingOfItsFamilyWithZeroPrefix() throws Exception {
        Cidr everything = Cidr.parse("0.0.0.0/0");

        boolean any = everything.contains(InetAddress.getByName("203.0.113.9"));

        assertThat(any).isTrue();
    }

    @Test
    void parseShouldRefuseHostBitsAndSuggestTheNetwork() {
        assertThatThrownBy(() -> Cidr.parse("10.1.2.3/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("10.1.2.3/8: host bits set; did you mean 10.0.0.0/8?");
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1/32"))
                .hasMessage("2001:db8::1/32: host bits set; did you mean 2001:db8::/32?");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/33, 10.0.0.0/33: prefix length must be a number from 0 to 32 for IPv4",
        "10.0.0.0/-1, 10.0.0.0/-1: prefix length must be a number from 0 to 32 for IPv4",
        "10.0.0.0/, 10.0.0.0/: prefix length must be a number from 0 to 32 for IPv4",
        "::/129, ::/129: prefix length must be a number from 0 to 128 for IPv6",
        "::/1x, ::/1x: prefix length must be a number from 0 to 128 for IPv6"})
    void parseShouldRefusePrefixOutOfRange(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "10.0.0", "10.0.0.0.0", "256.0.0.0", "010.0.0.1", "1.2.3.4 ",
        "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", "::g", "fe80::1%eth0", "[::1]",
        "::1.2.3", "1.2.3.4::", "/8"})
    void parseShouldRefuseTextThatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(text + ": not an IPv4 or IPv6 address; " + EXPECTED);
    }

    @Test
    void cidrsShouldBeEqualByNetworkAndPrefix() {
        Cidr one = Cidr.parse("2001:db8::/32");
        Cidr same = Cidr.parse("2001:0DB8:0:0::/32");
        Cidr wider = Cidr.parse("2001:db8::/31");

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one.prefixLength()).isEqualTo(32);
        assertThat(one).isNotEqualTo(Cidr.parse("2001:db8::/48"));
        assertThat(wider).isNotEqualTo(one);
    }
}
