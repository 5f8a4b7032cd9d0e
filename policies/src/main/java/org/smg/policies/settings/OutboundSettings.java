package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.OUTBOUND_AUTH_PASSWORD_FILE;
import static org.smg.policies.settings.SettingCatalog.OUTBOUND_AUTH_USERNAME_FILE;
import static org.smg.policies.settings.SettingCatalog.OUTBOUND_SMARTHOST;
import static org.smg.policies.settings.SettingCatalog.OUTBOUND_TRUST_STORE;
import static org.smg.policies.settings.SettingCatalog.OUTBOUND_TRUST_STORE_PASSWORD_FILE;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where outbound mail (DSNs, invitation emails, notices) goes (outbound.*): one smart host or none,
 * in which case the gateway holds outbound mail for an administrator. Files are resolved and checked
 * to be readable at load time; their contents (trust store, secrets) are read by the gateway.
 */
public final class OutboundSettings {

    private final SmartHost smartHost;
    private final OutboundTls tls;
    private final Path trustStore;
    private final Path trustStorePasswordFile;
    private final Path usernameFile;
    private final Path passwordFile;

    private OutboundSettings(SmartHost smartHost, OutboundTls tls, Path trustStore, Path trustStorePasswordFile,
            Path usernameFile, Path passwordFile) {
        this.smartHost = smartHost;
        this.tls = tls;
        this.trustStore = trustStore;
        this.trustStorePasswordFile = trustStorePasswordFile;
        this.usernameFile = usernameFile;
        this.passwordFile = passwordFile;
    }

    static OutboundSettings create(SettingValues values, Path base, Problems problems) {
        Path usernameFile = values.get(OUTBOUND_AUTH_USERNAME_FILE);
        Path passwordFile = values.get(OUTBOUND_AUTH_PASSWORD_FILE);
        Path trustStorePasswordFile = values.get(OUTBOUND_TRUST_STORE_PASSWORD_FILE);
        if ((usernameFile == null) != (passwordFile == null)) {
            String missing = usernameFile == null ? OUTBOUND_AUTH_USERNAME_FILE.key() : OUTBOUND_AUTH_PASSWORD_FILE.key();
            String present = usernameFile == null ? OUTBOUND_AUTH_PASSWORD_FILE.key() : OUTBOUND_AUTH_USERNAME_FILE.key();
            problems.addOnLineOf(present, missing, "missing; AUTH needs both a user name file and a password file");
        }
        if (trustStorePasswordFile != null && values.get(OUTBOUND_TRUST_STORE) == null) {
            problems.add(OUTBOUND_TRUST_STORE_PASSWORD_FILE.key(), "is only used with " + OUTBOUND_TRUST_STORE.key()
                    + ", which is not set; set it or remove this key");
        }
        return new OutboundSettings(values.get(OUTBOUND_SMARTHOST), values.get(SettingCatalog.OUTBOUND_TLS),
                TlsSettings.readable(problems, OUTBOUND_TRUST_STORE.key(), base, values.get(OUTBOUND_TRUST_STORE),
                        "a PKCS#12 trust store of CA certificates"),
                TlsSettings.readable(problems, OUTBOUND_TRUST_STORE_PASSWORD_FILE.key(), base, trustStorePasswordFile,
                        "a file holding the trust store password"),
                TlsSettings.readable(problems, OUTBOUND_AUTH_USERNAME_FILE.key(), base, usernameFile,
                        "a file holding the smart host user name"),
                TlsSettings.readable(problems, OUTBOUND_AUTH_PASSWORD_FILE.key(), base, passwordFile,
                        "a file holding the smart host password"));
    }

    /** The smart host (outbound.smarthost); empty when outbound mail is held. */
    public Optional<SmartHost> smartHost() {
        return Optional.ofNullable(smartHost);
    }

    /** STARTTLS or implicit TLS to the smart host (outbound.tls). */
    public OutboundTls tls() {
        return tls;
    }

    /** A PKCS#12 trust store (outbound.trustStore); empty means the JVM's system trust. */
    public Optional<Path> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** The trust store's password file (outbound.trustStore.passwordFile); empty means no password. */
    public Optional<Path> trustStorePasswordFile() {
        return Optional.ofNullable(trustStorePasswordFile);
    }

    /** The file holding the AUTH user name (outbound.auth.usernameFile); empty means no AUTH. */
    public Optional<Path> usernameFile() {
        return Optional.ofNullable(usernameFile);
    }

    /** The file holding the AUTH password (outbound.auth.passwordFile), present exactly with the user name file. */
    public Optional<Path> passwordFile() {
        return Optional.ofNullable(passwordFile);
    }

    @Override
    public String toString() {
        return "OutboundSettings[smartHost=" + (smartHost == null ? "none" : smartHost) + ", tls=" + tls.text()
                + ", trustStore=" + (trustStore == null ? "system" : trustStore) + ", auth=" + (usernameFile != null) + "]";
    }
}
