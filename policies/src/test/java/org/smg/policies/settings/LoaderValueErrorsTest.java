package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoaderValueErrorsTest {

    private static final String HOST = "a host name of dot-separated labels (letters, digits and '-',"
            + " 1-63 characters each, not starting or ending with '-', 253 characters in all)";
    private static final String DOMAIN = "a domain name such as example.com (letters, digits and '-',"
            + " 1-63 characters per label, not starting or ending with '-', 253 characters in all)";
    private static final String DOMAINS = "a comma-separated list of domain names such as example.com";
    private static final String BIND = "an IP address such as 127.0.0.1, 0.0.0.0 or ::1"
            + " (host names are not accepted, so start-up never depends on DNS)";
    private static final String PORT = "a port number 1-65535";
    private static final String NETWORKS = "a comma-separated list of networks such as 192.0.2.0/24,"
            + " 2001:db8::/32 or 127.0.0.1";
    private static final String VARIABLE = "an environment variable name such as SMG_STORAGE_SECRET"
            + " (upper-case letters, digits and '_', not starting with a digit)";
    private static final String SIZE = "a size such as 512K, 100M or 1G";
    private static final String DURATION = "a duration such as 500ms, 5s, 2m or 12h";
    private static final String BOOLEAN = "true or false";
    private static final String TLS_REQUIREMENT = "one of non-loopback, always, never";
    private static final List<String> PORT_KEYS = List.of("smtp.relay.port", "smtp.submission.port",
            "smtp.smtps.port", "imap.port", "imap.imaps.port", "web.port", "webadmin.port");

    @TempDir
    Path base;

    static Stream<Arguments> emptyValues() {
        Stream<Arguments> fixed = Stream.of(
                arguments("gateway.hostname", "empty value; expected " + HOST),
                arguments("gateway.domains", "empty value; expected " + DOMAINS),
                arguments("gateway.dataDir", "empty value; expected a file system path"),
                arguments("gateway.bindAddress", "empty value; expected " + BIND),
                arguments("relay.allowList", "empty value; expected " + NETWORKS),
                arguments("relay.auth", "empty value; expected " + BOOLEAN),
                arguments("relay.requireTls", "empty value; expected " + TLS_REQUIREMENT),
                arguments("limits.maxRecipients", "empty value; expected a whole number from 1 to 10000"),
                arguments("storage.secret.env", "empty value; expected " + VARIABLE),
                arguments("storage.secret.file", "empty value; expected a file system path"),
                arguments("limits.maxMessageSize", "empty value; expected " + SIZE),
                arguments("limits.connectionsPerIp", "empty value; expected a whole number from 1 to 10000"),
                arguments("limits.connections", "empty value; expected a whole number from 1 to 100000"),
                arguments("limits.imap.literalSize", "empty value; expected " + SIZE),
                arguments("limits.imap.preAuthLiteralSize", "empty value; expected " + SIZE),
                arguments("limits.imap.literalsPerCommand", "empty value; expected a whole number from 1 to 10000"),
                arguments("limits.imap.maxLineLength", "empty value; expected a whole number from 1024 to 1048576"),
                arguments("limits.auth.failuresBeforeDelay", "empty value; expected a whole number from 1 to 100"),
                arguments("limits.auth.maxDelay", "empty value; expected " + DURATION),
                arguments("web.session.idleTimeout", "empty value; expected " + DURATION),
                arguments("web.session.absoluteTimeout", "empty value; expected " + DURATION));
        return Stream.concat(fixed, PORT_KEYS.stream().map(key -> arguments(key, "empty value; expected " + PORT)));
    }

    static Stream<Arguments> malformedValues() {
        Stream<Arguments> fixed = Stream.of(
                arguments("gateway.hostname", "bad_host", "expected " + HOST + ", got 'bad_host'"),
                arguments("gateway.hostname", "-mail.example.com", "expected " + HOST + ", got '-mail.example.com'"),
                arguments("gateway.hostname", "mail..example.com", "expected " + HOST + ", got 'mail..example.com'"),
                arguments("gateway.domains", "example.com,bad_domain", "expected " + DOMAIN + ", got 'bad_domain'"),
                arguments("gateway.domains", "a.example,,b.example",
                        "empty entry in 'a.example,,b.example'; expected " + DOMAINS),
                arguments("gateway.bindAddress", "localhost", "expected " + BIND + ", got 'localhost'"),
                arguments("gateway.bindAddress", "10.0.0.256", "expected " + BIND + ", got '10.0.0.256'"),
                arguments("gateway.bindAddress", "fe80::1%eth0", "expected " + BIND + ", got 'fe80::1%eth0'"),
                arguments("relay.allowList", "10.0.0.0/8,not-an-ip", "not-an-ip: not an IPv4 or IPv6 address;"
                        + " expected a network such as 192.0.2.0/24 or 2001:db8::/32,"
                        + " or a single address such as 192.0.2.7 or ::1"),
                arguments("relay.allowList", "10.0.0.0/8,", "empty entry in '10.0.0.0/8,'; expected " + NETWORKS),
                arguments("relay.auth", "yes", "expected " + BOOLEAN + ", got 'yes'"),
                arguments("relay.auth", "TRUE", "expected " + BOOLEAN + ", got 'TRUE'"),
                arguments("relay.auth", "1", "expected " + BOOLEAN + ", got '1'"),
                arguments("relay.requireTls", "true", "expected " + TLS_REQUIREMENT + ", got 'true'"),
                arguments("relay.requireTls", "Always", "expected " + TLS_REQUIREMENT + ", got 'Always'"),
                arguments("relay.requireTls", "nonloopback", "expected " + TLS_REQUIREMENT + ", got 'nonloopback'"),
                arguments("limits.maxRecipients", "fifty", "expected a whole number from 1 to 10000, got 'fifty'"),
                arguments("limits.maxRecipients", "5.5", "expected a whole number from 1 to 10000, got '5.5'"),
                arguments("storage.secret.env", "smg-secret", "expected " + VARIABLE + ", got 'smg-secret'"),
                arguments("storage.secret.env", "1SECRET", "expected " + VARIABLE + ", got '1SECRET'"),
                arguments("limits.maxMessageSize", "-1", "expected " + SIZE + ", got '-1'"),
                arguments("limits.maxMessageSize", "1.5M", "expected " + SIZE + ", got '1.5M'"),
                arguments("limits.maxMessageSize", "10X", "expected " + SIZE + ", got '10X'"),
                arguments("limits.maxMessageSize", "9999999999G", "expected " + SIZE + ", got '9999999999G'"),
                arguments("limits.imap.literalSize", "100 M", "expected " + SIZE + ", got '100 M'"),
                arguments("limits.imap.preAuthLiteralSize", "8KB", "expected " + SIZE + ", got '8KB'"),
                arguments("limits.connectionsPerIp", "many", "expected a whole number from 1 to 10000, got 'many'"),
                arguments("limits.connections", "5e2", "expected a whole number from 1 to 100000, got '5e2'"),
                arguments("limits.imap.literalsPerCommand", "-3", "expected a whole number from 1 to 10000, got '-3'"),
                arguments("limits.imap.maxLineLength", "64K",
                        "expected a whole number from 1024 to 1048576, got '64K'"),
                arguments("limits.auth.failuresBeforeDelay", "three",
                        "expected a whole number from 1 to 100, got 'three'"),
                arguments("limits.auth.maxDelay", "5", "expected " + DURATION + ", got '5'"),
                arguments("limits.auth.maxDelay", "1d", "expected " + DURATION + ", got '1d'"),
                arguments("web.session.idleTimeout", "15", "expected " + DURATION + ", got '15'"),
                arguments("limits.auth.maxDelay", "-1s", "expected " + DURATION + ", got '-1s'"));
        return Stream.concat(fixed,
                PORT_KEYS.stream().map(key -> arguments(key, "abc", "expected " + PORT + ", got 'abc'")));
    }

    static Stream<Arguments> outOfRangeValues() {
        String longLabel = "a".repeat(64);
        Stream<Arguments> fixed = Stream.of(
                arguments("gateway.hostname", longLabel + ".example", "expected " + HOST + ", got '" + longLabel
                        + ".example'"),
                arguments("limits.maxMessageSize", "512", "expected a size from 1K to 2G, got '512'"),
                arguments("limits.maxMessageSize", "3G", "expected a size from 1K to 2G, got '3G'"),
                arguments("limits.maxRecipients", "0", "expected a whole number from 1 to 10000, got '0'"),
                arguments("limits.maxRecipients", "10001", "expected a whole number from 1 to 10000, got '10001'"),
                arguments("limits.connectionsPerIp", "0", "expected a whole number from 1 to 10000, got '0'"),
                arguments("limits.connectionsPerIp", "10001", "expected a whole number from 1 to 10000, got '10001'"),
                arguments("limits.connections", "100001", "expected a whole number from 1 to 100000, got '100001'"),
                arguments("limits.imap.literalSize", "4G", "expected a size from 1K to 2G, got '4G'"),
                arguments("limits.imap.literalSize", "5000m", "expected a size from 1K to 2G, got '5000m'"),
                arguments("limits.imap.preAuthLiteralSize", "32", "expected a size from 64 to 64K, got '32'"),
                arguments("limits.imap.preAuthLiteralSize", "65K", "expected a size from 64 to 64K, got '65K'"),
                arguments("limits.imap.literalsPerCommand", "10001",
                        "expected a whole number from 1 to 10000, got '10001'"),
                arguments("limits.imap.maxLineLength", "1023",
                        "expected a whole number from 1024 to 1048576, got '1023'"),
                arguments("limits.imap.maxLineLength", "1048577",
                        "expected a whole number from 1024 to 1048576, got '1048577'"),
                arguments("limits.auth.failuresBeforeDelay", "0", "expected a whole number from 1 to 100, got '0'"),
                arguments("limits.auth.failuresBeforeDelay", "101",
                        "expected a whole number from 1 to 100, got '101'"),
                arguments("limits.auth.maxDelay", "61s", "expected a duration from 0s to 60s, got '61s'"),
                arguments("limits.auth.maxDelay", "2m", "expected a duration from 0s to 60s, got '2m'"),
                arguments("limits.auth.maxDelay", "1h", "expected a duration from 0s to 60s, got '1h'"),
                arguments("web.session.idleTimeout", "0s", "expected a duration from 1s to 86400s, got '0s'"),
                arguments("web.session.absoluteTimeout", "169h", "expected a duration from 1s to 604800s, got '169h'"));
        Stream<Arguments> ports = PORT_KEYS.stream().flatMap(key -> Stream.of(
                arguments(key, "0", "expected " + PORT + ", got '0'"),
                arguments(key, "65536", "expected " + PORT + ", got '65536'")));
        return Stream.concat(fixed, ports);
    }

    @ParameterizedTest(name = "{0}=")
    @MethodSource("emptyValues")
    void loadShouldRejectEmptyValueWithFileLineKeyAndExpectation(String key, String message) {
        Path file = SettingsFiles.write(base, "# settings", key + "=");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: " + key + ": " + message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("malformedValues")
    void loadShouldRejectMalformedValueWithFileLineKeyAndExpectation(String key, String value, String message) {
        Path file = SettingsFiles.write(base, "# settings", key + " = " + value);

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: " + key + ": " + message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("outOfRangeValues")
    void loadShouldRejectOutOfRangeValueWithFileLineKeyAndRange(String key, String value, String message) {
        Path file = SettingsFiles.write(base, "# settings", key + "=" + value);

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: " + key + ": " + message);
    }
}
