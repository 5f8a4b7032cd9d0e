package org.smg.policies.settings;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every key gateway.properties may contain, declared once with its default, parser and allowed
 * values, in the order the shipped file lists them. What a key means is documented beside it in
 * conf/gateway.properties, which a test keeps in step with these declarations.
 */
final class SettingCatalog {

    private static final String EXPECTED_BIND = "an IP address such as 127.0.0.1, 0.0.0.0 or ::1"
            + " (host names are not accepted, so start-up never depends on DNS)";

    static final Setting<String> HOSTNAME = Setting.checked("gateway.hostname", "localhost",
            Function.identity(), HostNames::isValid, HostNames.EXPECTED_HOST, Function.identity());
    static final Setting<List<String>> DOMAINS = Setting.parsed("gateway.domains", List.of("gateway.localhost"),
            text -> CommaList.parse(text, HostNames.EXPECTED_DOMAINS, HostNames::parseDomain),
            domains -> String.join(",", domains));
    static final Setting<Path> DATA_DIR = Setting.parsed("gateway.dataDir", Path.of("var"),
            PathRules::parse, Path::toString);
    static final Setting<InetAddress> BIND_ADDRESS = Setting.parsed("gateway.bindAddress",
            IpLiterals.parseAddress("127.0.0.1", EXPECTED_BIND),
            text -> IpLiterals.parseAddress(text, EXPECTED_BIND), InetAddress::getHostAddress);

    static final Setting<Integer> RELAY_PORT = Setting.port("smtp.relay.port", 2525);
    static final Setting<Integer> SUBMISSION_PORT = Setting.port("smtp.submission.port", 1587);
    static final Setting<Integer> SMTPS_PORT = Setting.port("smtp.smtps.port", 1465);
    static final Setting<Integer> IMAP_PORT = Setting.port("imap.port", 1143);
    static final Setting<Integer> IMAPS_PORT = Setting.port("imap.imaps.port", 1993);
    static final Setting<Integer> WEB_PORT = Setting.port("web.port", 8443);
    static final Setting<Integer> WEBADMIN_PORT = Setting.port("webadmin.port", 8000);

    // Web sessions end after this long without a request, and this long after sign-in whatever the activity.
    static final Setting<Duration> WEB_SESSION_IDLE_TIMEOUT = Setting.duration("web.session.idleTimeout",
            Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofHours(24));
    static final Setting<Duration> WEB_SESSION_ABSOLUTE_TIMEOUT = Setting.duration("web.session.absoluteTimeout",
            Duration.ofHours(12), Duration.ofSeconds(1), Duration.ofDays(7));

    static final Setting<List<Cidr>> RELAY_ALLOW_LIST = Setting.parsed("relay.allowList",
            List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("::1/128")),
            text -> CommaList.parse(text, Cidr.EXPECTED_ENTRIES, Cidr::parse),
            networks -> networks.stream().map(Cidr::toString).collect(Collectors.joining(",")));
    static final Setting<Boolean> RELAY_AUTH = Setting.flag("relay.auth", false);
    static final Setting<RelayTlsRequirement> RELAY_REQUIRE_TLS = Setting.choice("relay.requireTls",
            RelayTlsRequirement.NON_LOOPBACK);

    static final Setting<String> SECRET_ENV = Setting.checked("storage.secret.env", SecretSource.DEFAULT_VARIABLE,
            Function.identity(), SecretSource::isVariable, SecretSource.EXPECTED_VARIABLE, Function.identity());
    // No default here: without the key the file lies beside the data directory (see SecretSource).
    static final Setting<Path> SECRET_FILE = Setting.parsed("storage.secret.file", null, PathRules::parse,
            Path::toString);

    // Up to 1024T (written 1048576G): any disk; 0 switches the guard off.
    static final Setting<Long> MIN_FREE_SPACE = Setting.size("storage.minFreeSpace", 1L << 30, 0, 1L << 50);

    static final Setting<Path> TLS_KEYSTORE = Setting.optionalPath("tls.keystore");
    static final Setting<Path> TLS_KEYSTORE_PASSWORD_FILE = Setting.optionalPath("tls.keystore.passwordFile");
    static final Setting<Path> TLS_CERTIFICATE = Setting.optionalPath("tls.certificate");
    static final Setting<Path> TLS_PRIVATE_KEY = Setting.optionalPath("tls.privateKey");

    static final Setting<Long> MAX_MESSAGE_SIZE = Setting.size("limits.maxMessageSize", 300L << 20, 1L << 10, 2L << 30);
    static final Setting<Integer> MAX_RECIPIENTS = Setting.number("limits.maxRecipients", 50, 1, 10_000);
    static final Setting<Integer> CONNECTIONS_PER_IP = Setting.number("limits.connectionsPerIp", 20, 1, 10_000);
    static final Setting<Integer> CONNECTIONS = Setting.number("limits.connections", 500, 1, 100_000);
    static final Setting<Long> IMAP_LITERAL_SIZE = Setting.size("limits.imap.literalSize",
            300L << 20, 1L << 10, 2L << 30);
    static final Setting<Long> IMAP_PRE_AUTH_LITERAL_SIZE = Setting.size("limits.imap.preAuthLiteralSize",
            8L << 10, 64, 64L << 10);
    static final Setting<Integer> IMAP_LITERALS_PER_COMMAND = Setting.number("limits.imap.literalsPerCommand",
            64, 1, 10_000);
    static final Setting<Integer> IMAP_MAX_LINE_LENGTH = Setting.number("limits.imap.maxLineLength",
            65_536, 1024, 1_048_576);
    static final Setting<Integer> AUTH_FAILURES_BEFORE_DELAY = Setting.number("limits.auth.failuresBeforeDelay",
            3, 1, 100);
    static final Setting<Duration> AUTH_MAX_DELAY = Setting.duration("limits.auth.maxDelay",
            Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60));

    static final Setting<SmartHost> OUTBOUND_SMARTHOST = Setting.optional("outbound.smarthost", SmartHost::parse,
            SmartHost::toString);
    static final Setting<OutboundTls> OUTBOUND_TLS = Setting.choice("outbound.tls", OutboundTls.STARTTLS);
    static final Setting<Path> OUTBOUND_TRUST_STORE = Setting.optionalPath("outbound.trustStore");
    static final Setting<Path> OUTBOUND_TRUST_STORE_PASSWORD_FILE = Setting.optionalPath(
            "outbound.trustStore.passwordFile");
    static final Setting<Path> OUTBOUND_AUTH_USERNAME_FILE = Setting.optionalPath("outbound.auth.usernameFile");
    static final Setting<Path> OUTBOUND_AUTH_PASSWORD_FILE = Setting.optionalPath("outbound.auth.passwordFile");

    // A DNS label: the TXT record is published at <selector>._domainkey.<domain>.
    static final Setting<String> DKIM_SELECTOR = Setting.checked("dkim.selector", "smg", Function.identity(),
            selector -> selector.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"),
            "a DNS label of 1 to 63 lower-case letters, digits and '-' (not first or last), such as smg or smg2026",
            Function.identity());

    static final Setting<ClamdLocation> SCANNER_CLAMD = Setting.parsed("scanner.clamd", ClamdLocation.embedded(),
            ClamdLocation::parse, ClamdLocation::toString);
    static final Setting<Duration> SCANNER_TIMEOUT = Setting.duration("scanner.timeout",
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(30));
    // clamd clamps MaxFileSize just below 2 GB (2147483645 bytes in ClamAV 1.4): stay under it.
    // While clamd gives no verdict, a mail waits this long before its next scan, doubling up to 15 minutes.
    static final Setting<Duration> SCANNER_RETRY_DELAY = Setting.duration("scanner.retryDelay",
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(15));
    static final Setting<Long> SCANNER_MAX_FILE_SIZE = Setting.size("scanner.maxFileSize", 200L << 20, 1L << 20,
            2047L << 20);

    /** The seven listening ports, in file order. */
    static final List<Setting<Integer>> PORTS = List.of(
            RELAY_PORT, SUBMISSION_PORT, SMTPS_PORT, IMAP_PORT, IMAPS_PORT, WEB_PORT, WEBADMIN_PORT);

    static final List<Setting<?>> ALL = List.of(
            HOSTNAME, DOMAINS, DATA_DIR, BIND_ADDRESS,
            RELAY_PORT, SUBMISSION_PORT, SMTPS_PORT, IMAP_PORT, IMAPS_PORT, WEB_PORT, WEBADMIN_PORT,
            WEB_SESSION_IDLE_TIMEOUT, WEB_SESSION_ABSOLUTE_TIMEOUT,
            RELAY_ALLOW_LIST, RELAY_AUTH, RELAY_REQUIRE_TLS, SECRET_ENV, SECRET_FILE, MIN_FREE_SPACE,
            TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD_FILE, TLS_CERTIFICATE, TLS_PRIVATE_KEY,
            MAX_MESSAGE_SIZE, MAX_RECIPIENTS, CONNECTIONS_PER_IP, CONNECTIONS,
            IMAP_LITERAL_SIZE, IMAP_PRE_AUTH_LITERAL_SIZE, IMAP_LITERALS_PER_COMMAND, IMAP_MAX_LINE_LENGTH,
            AUTH_FAILURES_BEFORE_DELAY, AUTH_MAX_DELAY,
            OUTBOUND_SMARTHOST, OUTBOUND_TLS, OUTBOUND_TRUST_STORE, OUTBOUND_TRUST_STORE_PASSWORD_FILE,
            OUTBOUND_AUTH_USERNAME_FILE, OUTBOUND_AUTH_PASSWORD_FILE, DKIM_SELECTOR,
            SCANNER_CLAMD, SCANNER_TIMEOUT, SCANNER_MAX_FILE_SIZE, SCANNER_RETRY_DELAY);

    private static final Map<String, Setting<?>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    private SettingCatalog() {
    }

    /** The declaration of a key, or null for a key gateway.properties may not contain. */
    static Setting<?> find(String key) {
        return BY_KEY.get(key);
    }

    /** Where the key stands among the declarations (keys not declared come last), for ordering errors. */
    static int order(String key) {
        Setting<?> setting = BY_KEY.get(key);
        return setting == null ? ALL.size() : ALL.indexOf(setting);
    }

    /** The keys, comma-separated, for the "unknown key" error. */
    static String keys() {
        return ALL.stream().map(Setting::key).collect(Collectors.joining(", "));
    }
}
