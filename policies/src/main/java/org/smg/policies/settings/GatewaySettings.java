package org.smg.policies.settings;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The gateway's own settings, validated and immutable; read from conf/gateway.properties by the loader. */
public final class GatewaySettings {

    private final String hostname;
    private final List<String> domains;
    private final Path dataDirectory;
    private final InetAddress bindAddress;
    private final Ports ports;
    private final List<Cidr> relayAllowList;
    private final SecretSource storageSecret;
    private final TlsSettings tls;
    private final Limits limits;
    private final RelayRules relayRules;

    /** How staff MTAs must behave on the relay port, besides connecting from an allow-listed network. */
    record RelayRules(boolean auth, RelayTlsRequirement requireTls) {
    }

    GatewaySettings(String hostname, List<String> domains, Path dataDirectory, InetAddress bindAddress, Ports ports,
            List<Cidr> relayAllowList, SecretSource storageSecret, TlsSettings tls, Limits limits,
            RelayRules relayRules) {
        this.hostname = hostname;
        this.domains = List.copyOf(domains);
        this.dataDirectory = dataDirectory;
        this.bindAddress = bindAddress;
        this.ports = ports;
        this.relayAllowList = List.copyOf(relayAllowList);
        this.storageSecret = storageSecret;
        this.tls = tls;
        this.limits = limits;
        this.relayRules = relayRules;
    }

    /** A validating builder starting from the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name the gateway announces in SMTP greetings and IMAP banners (gateway.hostname). */
    public String hostname() {
        return hostname;
    }

    /** The mail domains served, lower-cased, the default domain first (gateway.domains). */
    public List<String> domains() {
        return domains;
    }

    /** The domain used for users named without one: the first of {@link #domains()}. */
    public String defaultDomain() {
        return domains.get(0);
    }

    /** Normalized absolute directory holding mail, indexes and keys (gateway.dataDir). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The address the mail and web services listen on (gateway.bindAddress). */
    public InetAddress bindAddress() {
        return bindAddress;
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

    /** HTTPS port reserved for the web view (web.port). */
    public int webPort() {
        return ports.web();
    }

    /** WebAdmin port; the gateway always binds it to loopback whatever the bind address (webadmin.port). */
    public int webAdminPort() {
        return ports.webAdmin();
    }

    /** Networks allowed to relay through the gateway; never empty, never everything (relay.allowList). */
    public List<Cidr> relayAllowList() {
        return relayAllowList;
    }

    /**
     * Whether staff MTAs may authenticate on the relay port, after STARTTLS only (relay.auth). For now
     * they log in against the gateway's users repository; relay accounts of their own realm come later.
     */
    public boolean relayAuth() {
        return relayRules.auth();
    }

    /** Which relay clients must start TLS before MAIL FROM (relay.requireTls). */
    public RelayTlsRequirement relayRequireTls() {
        return relayRules.requireTls();
    }

    /** Where the storage boot secret comes from (storage.secret.*). */
    public SecretSource storageSecret() {
        return storageSecret;
    }

    /** Where the TLS certificate comes from (tls.*). */
    public TlsSettings tls() {
        return tls;
    }

    /** Resource limits (limits.*). */
    public Limits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "GatewaySettings[hostname=" + hostname + ", domains=" + domains + ", dataDirectory=" + dataDirectory
                + ", bindAddress=" + bindAddress.getHostAddress() + ", " + ports + ", relayAllowList=" + relayAllowList
                + ", relayAuth=" + relayAuth() + ", relayRequireTls=" + relayRequireTls()
                + ", storageSecret=" + storageSecret + ", tls=" + tls + ", limits=" + limits + "]";
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
            draft.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** The served domains, the default domain first; they are lower-cased. */
        public Builder domains(List<String> domains) {
            draft.domains = List.copyOf(domains);
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            draft.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        public Builder bindAddress(InetAddress bindAddress) {
            draft.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        public Builder relayPort(int port) {
            draft.ports.put(SettingKeys.RELAY_PORT, port);
            return this;
        }

        public Builder submissionPort(int port) {
            draft.ports.put(SettingKeys.SUBMISSION_PORT, port);
            return this;
        }

        public Builder smtpsPort(int port) {
            draft.ports.put(SettingKeys.SMTPS_PORT, port);
            return this;
        }

        public Builder imapPort(int port) {
            draft.ports.put(SettingKeys.IMAP_PORT, port);
            return this;
        }

        public Builder imapsPort(int port) {
            draft.ports.put(SettingKeys.IMAPS_PORT, port);
            return this;
        }

        public Builder webPort(int port) {
            draft.ports.put(SettingKeys.WEB_PORT, port);
            return this;
        }

        public Builder webAdminPort(int port) {
            draft.ports.put(SettingKeys.WEBADMIN_PORT, port);
            return this;
        }

        public Builder relayAllowList(List<Cidr> relayAllowList) {
            draft.relayAllowList = List.copyOf(relayAllowList);
            return this;
        }

        public Builder relayAuth(boolean enabled) {
            draft.relayAuth = enabled;
            return this;
        }

        public Builder relayRequireTls(RelayTlsRequirement requirement) {
            draft.relayRequireTls = Objects.requireNonNull(requirement, "requirement");
            return this;
        }

        public Builder storageSecretEnvironmentVariable(String variable) {
            draft.secretVariable = Objects.requireNonNull(variable, "variable");
            return this;
        }

        /** The secret file; null restores the default, secrets/storage.secret beside the data directory. */
        public Builder storageSecretFile(Path file) {
            draft.secretFile = file;
            return this;
        }

        /** A PKCS#12 keystore, or null for none. */
        public Builder tlsKeystore(Path keystore) {
            draft.tlsKeystore = keystore;
            return this;
        }

        /** The file holding the keystore password, or null for none. */
        public Builder tlsKeystorePasswordFile(Path passwordFile) {
            draft.tlsKeystorePasswordFile = passwordFile;
            return this;
        }

        /** A PEM certificate chain, or null for none. */
        public Builder tlsCertificateChain(Path certificateChain) {
            draft.tlsCertificate = certificateChain;
            return this;
        }

        /** A PEM private key, or null for none. */
        public Builder tlsPrivateKey(Path privateKey) {
            draft.tlsPrivateKey = privateKey;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            draft.limits.maxMessageSize = bytes;
            return this;
        }

        public Builder connectionsPerIp(int connections) {
            draft.limits.connectionsPerIp = connections;
            return this;
        }

        public Builder connections(int connections) {
            draft.limits.connections = connections;
            return this;
        }

        public Builder imapLiteralSizeLimit(long bytes) {
            draft.limits.imapLiteralSize = bytes;
            return this;
        }

        public Builder imapPreAuthLiteralSizeLimit(long bytes) {
            draft.limits.imapPreAuthLiteralSize = bytes;
            return this;
        }

        public Builder imapMaxLiteralsPerCommand(int literals) {
            draft.limits.imapLiteralsPerCommand = literals;
            return this;
        }

        public Builder imapMaxLineLength(int bytes) {
            draft.limits.imapMaxLineLength = bytes;
            return this;
        }

        public Builder authFailuresBeforeDelay(int failures) {
            draft.limits.authFailuresBeforeDelay = failures;
            return this;
        }

        public Builder authMaxDelay(Duration delay) {
            draft.limits.authMaxDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        public Builder maxRecipients(int recipients) {
            draft.limits.maxRecipients = recipients;
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
