package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.*;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The gateway's own settings, validated and immutable; read from conf/gateway.properties by the loader. */
public final class GatewaySettings {

    private final SettingValues values;
    private final Path dataDirectory;
    private final Ports ports;
    private final SecretSource storageSecret;
    private final TlsSettings tls;
    private final Limits limits;
    private final OutboundSettings outbound;
    private final ScannerSettings scanner;

    GatewaySettings(SettingValues values, Path dataDirectory, Ports ports, SecretSource storageSecret, TlsSettings tls,
            Limits limits, OutboundSettings outbound, ScannerSettings scanner) {
        this.values = values;
        this.dataDirectory = dataDirectory;
        this.ports = ports;
        this.storageSecret = storageSecret;
        this.tls = tls;
        this.limits = limits;
        this.outbound = outbound;
        this.scanner = scanner;
    }

    /** A validating builder starting from the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name the gateway announces in SMTP greetings and IMAP banners (gateway.hostname). */
    public String hostname() {
        return values.get(HOSTNAME);
    }

    /** The mail domains served, lower-cased, the default domain first (gateway.domains). */
    public List<String> domains() {
        return values.get(DOMAINS);
    }

    /** The DKIM selector of the gateway's signing key (dkim.selector): the TXT record is at {@code <selector>._domainkey.<domain>}. */
    public String dkimSelector() {
        return values.get(SettingCatalog.DKIM_SELECTOR);
    }

    /** The domain used for users named without one: the first of {@link #domains()}. */
    public String defaultDomain() {
        return domains().get(0);
    }

    /** Normalized absolute directory holding mail, indexes and keys (gateway.dataDir). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The address the mail and web services listen on (gateway.bindAddress). */
    public InetAddress bindAddress() {
        return values.get(BIND_ADDRESS);
    }

    /** SMTP port for relaying from the allow-listed networks (smtp.relay.port). */
    public int relayPort() {
        return ports.relay();
    }

    /** SMTP submission port with STARTTLS and authentication (smtp.submission.port). */
    public int submissionPort() {
        return ports.submission();
    }

    /** SMTP port with implicit TLS (smtp.smtps.port). */
    public int smtpsPort() {
        return ports.smtps();
    }

    /** IMAP port with STARTTLS (imap.port). */
    public int imapPort() {
        return ports.imap();
    }

    /** IMAP port with implicit TLS (imap.imaps.port). */
    public int imapsPort() {
        return ports.imaps();
    }

    /** HTTPS port of the citizen web server (web.port). */
    public int webPort() {
        return ports.web();
    }

    /** How long a citizen's web session lasts without a request (web.session.idleTimeout). */
    public Duration webSessionIdleTimeout() {
        return values.get(WEB_SESSION_IDLE_TIMEOUT);
    }

    /** How long a citizen's web session lasts after sign-in, however active (web.session.absoluteTimeout). */
    public Duration webSessionAbsoluteTimeout() {
        return values.get(WEB_SESSION_ABSOLUTE_TIMEOUT);
    }

    /** WebAdmin port; the gateway always binds it to loopback whatever the bind address (webadmin.port). */
    public int webAdminPort() {
        return ports.webAdmin();
    }

    /** Networks allowed to relay through the gateway; never empty, never everything (relay.allowList). */
    public List<Cidr> relayAllowList() {
        return values.get(RELAY_ALLOW_LIST);
    }

    /** Whether staff MTAs may authenticate on the relay port, after STARTTLS (relay.auth). */
    public boolean relayAuth() {
        return values.get(RELAY_AUTH);
    }

    /** Which relay clients must start TLS before MAIL (relay.requireTls). */
    public RelayTlsRequirement relayRequireTls() {
        return values.get(RELAY_REQUIRE_TLS);
    }

    /** Where the storage boot secret comes from (storage.secret.*). */
    public SecretSource storageSecret() {
        return storageSecret;
    }

    /**
     * Free space the data directory must keep: below it SMTP answers 452 4.3.1 to new mail, so that what is
     * already accepted can still be queued, delivered and logged (storage.minFreeSpace; 0 switches the guard off).
     */
    public long minFreeSpace() {
        return values.get(MIN_FREE_SPACE);
    }

    /** Where the TLS certificate comes from (tls.*). */
    public TlsSettings tls() {
        return tls;
    }

    /** Resource limits (limits.*). */
    public Limits limits() {
        return limits;
    }

    /** Where outbound mail leaves (outbound.*). */
    public OutboundSettings outbound() {
        return outbound;
    }

    /** The virus scanner (scanner.*). */
    public ScannerSettings scanner() {
        return scanner;
    }

    @Override
    public String toString() {
        return "GatewaySettings[hostname=" + hostname() + ", domains=" + domains() + ", dataDirectory=" + dataDirectory
                + ", bindAddress=" + bindAddress().getHostAddress() + ", " + ports + ", relayAllowList="
                + relayAllowList() + ", relayAuth=" + relayAuth() + ", relayRequireTls=" + relayRequireTls().text()
                + ", storageSecret=" + storageSecret + ", tls=" + tls + ", limits=" + limits
                + ", outbound=" + outbound + ", scanner=" + scanner + "]";
    }

    /** Collects settings in code or from the loader, and validates them all at once in {@link #build()}. */
    public static final class Builder {

        private final SettingsDraft draft = new SettingsDraft();

        private Builder() {
        }

        /** Relative paths (data directory, secret file, TLS files) resolve against this; default: working directory. */
        public Builder baseDirectory(Path baseDirectory) {
            draft.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
            return this;
        }

        /** The directory holding gateway.properties; the secret file must lie outside it. Default: not checked. */
        public Builder configurationDirectory(Path configurationDirectory) {
            draft.configurationDirectory = Objects.requireNonNull(configurationDirectory, "configurationDirectory");
            return this;
        }

        public Builder hostname(String hostname) {
            draft.values.set(HOSTNAME, Objects.requireNonNull(hostname, "hostname"));
            return this;
        }

        /** The served domains, the default domain first; they are lower-cased. */
        public Builder domains(List<String> domains) {
            draft.values.set(DOMAINS, domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList());
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            draft.values.set(DATA_DIR, Objects.requireNonNull(dataDirectory, "dataDirectory"));
            return this;
        }

        public Builder bindAddress(InetAddress bindAddress) {
            draft.values.set(BIND_ADDRESS, Objects.requireNonNull(bindAddress, "bindAddress"));
            return this;
        }

        public Builder relayPort(int port) {
            draft.values.set(RELAY_PORT, port);
            return this;
        }

        public Builder submissionPort(int port) {
            draft.values.set(SUBMISSION_PORT, port);
            return this;
        }

        public Builder smtpsPort(int port) {
            draft.values.set(SMTPS_PORT, port);
            return this;
        }

        public Builder imapPort(int port) {
            draft.values.set(IMAP_PORT, port);
            return this;
        }

        public Builder imapsPort(int port) {
            draft.values.set(IMAPS_PORT, port);
            return this;
        }

        public Builder webPort(int port) {
            draft.values.set(WEB_PORT, port);
            return this;
        }

        public Builder webAdminPort(int port) {
            draft.values.set(WEBADMIN_PORT, port);
            return this;
        }

        public Builder relayAllowList(List<Cidr> relayAllowList) {
            draft.values.set(RELAY_ALLOW_LIST, List.copyOf(relayAllowList));
            return this;
        }

        public Builder storageSecretEnvironmentVariable(String variable) {
            draft.values.set(SECRET_ENV, Objects.requireNonNull(variable, "variable"));
            return this;
        }

        /** The secret file; null restores the default, secrets/storage.secret beside the data directory. */
        public Builder storageSecretFile(Path file) {
            draft.values.set(SECRET_FILE, file);
            return this;
        }

        /** A PKCS#12 keystore, or null for none. */
        public Builder tlsKeystore(Path keystore) {
            draft.values.set(TLS_KEYSTORE, keystore);
            return this;
        }

        /** The file holding the keystore password, or null for none. */
        public Builder tlsKeystorePasswordFile(Path passwordFile) {
            draft.values.set(TLS_KEYSTORE_PASSWORD_FILE, passwordFile);
            return this;
        }

        /** A PEM certificate chain, or null for none. */
        public Builder tlsCertificateChain(Path certificateChain) {
            draft.values.set(TLS_CERTIFICATE, certificateChain);
            return this;
        }

        /** A PEM private key, or null for none. */
        public Builder tlsPrivateKey(Path privateKey) {
            draft.values.set(TLS_PRIVATE_KEY, privateKey);
            return this;
        }

        public Builder minFreeSpace(long bytes) {
            draft.values.set(MIN_FREE_SPACE, bytes);
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            draft.values.set(MAX_MESSAGE_SIZE, bytes);
            return this;
        }

        public Builder maxRecipients(int recipients) {
            draft.values.set(MAX_RECIPIENTS, recipients);
            return this;
        }

        public Builder relayAuth(boolean enabled) {
            draft.values.set(RELAY_AUTH, enabled);
            return this;
        }

        public Builder relayRequireTls(RelayTlsRequirement requirement) {
            draft.values.set(RELAY_REQUIRE_TLS, Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        public Builder connectionsPerIp(int connections) {
            draft.values.set(CONNECTIONS_PER_IP, connections);
            return this;
        }

        public Builder connections(int connections) {
            draft.values.set(CONNECTIONS, connections);
            return this;
        }

        public Builder imapLiteralSizeLimit(long bytes) {
            draft.values.set(IMAP_LITERAL_SIZE, bytes);
            return this;
        }

        public Builder imapPreAuthLiteralSizeLimit(long bytes) {
            draft.values.set(IMAP_PRE_AUTH_LITERAL_SIZE, bytes);
            return this;
        }

        public Builder imapMaxLiteralsPerCommand(int literals) {
            draft.values.set(IMAP_LITERALS_PER_COMMAND, literals);
            return this;
        }

        public Builder imapMaxLineLength(int bytes) {
            draft.values.set(IMAP_MAX_LINE_LENGTH, bytes);
            return this;
        }

        public Builder authFailuresBeforeDelay(int failures) {
            draft.values.set(AUTH_FAILURES_BEFORE_DELAY, failures);
            return this;
        }

        public Builder authMaxDelay(Duration delay) {
            draft.values.set(AUTH_MAX_DELAY, Objects.requireNonNull(delay, "delay"));
            return this;
        }

        /** The smart host for outbound mail, or null for none (outbound mail is then held). */
        public Builder smartHost(String hostAndPort) {
            draft.values.set(OUTBOUND_SMARTHOST, hostAndPort == null ? null : SmartHost.parse(hostAndPort));
            return this;
        }

        public Builder outboundTls(OutboundTls tls) {
            draft.values.set(OUTBOUND_TLS, Objects.requireNonNull(tls, "tls"));
            return this;
        }

        /** A PKCS#12 trust store for the smart host's certificate, or null for the JVM's system trust. */
        public Builder outboundTrustStore(Path trustStore) {
            draft.values.set(OUTBOUND_TRUST_STORE, trustStore);
            return this;
        }

        /** Where clamd listens: embedded, unix:/path or tcp:127.0.0.1:port (as in scanner.clamd). */
        public Builder scannerClamd(String location) {
            draft.values.set(SCANNER_CLAMD, location == null ? null : ClamdLocation.parse(location));
            return this;
        }

        public Builder scannerTimeout(Duration timeout) {
            draft.values.set(SCANNER_TIMEOUT, Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        public Builder scannerMaxFileSize(long bytes) {
            draft.values.set(SCANNER_MAX_FILE_SIZE, bytes);
            return this;
        }

        /** Sets a value parsed from the file (the loader's way in; its declaration checks it in build()). */
        <T> Builder set(Setting<T> setting, T value) {
            draft.values.set(setting, value);
            return this;
        }

        /** Names the file settings are read from, so errors can point into it. */
        Builder source(String file) {
            draft.file = file;
            return this;
        }

        /** Remembers the line and text of a key's value, so errors can quote what the administrator wrote. */
        Builder origin(String key, int line, String raw) {
            draft.origins.put(key, new Problems.Origin(line, raw));
            return this;
        }

        /** Records an error found while reading the file, to be reported with the others. */
        Builder report(SettingsError error) {
            draft.earlierErrors.add(error);
            return this;
        }

        /** Records a value the loader could not parse; checks on that key are skipped so they do not echo it. */
        Builder reject(SettingsError error) {
            draft.unparsedKeys.add(error.key());
            return report(error);
        }

        /** Validates every setting and reports all problems together. */
        public GatewaySettings build() throws SettingsException {
            return draft.build();
        }
    }
}
