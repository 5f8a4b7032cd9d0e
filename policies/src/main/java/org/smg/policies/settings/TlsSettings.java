package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.TLS_CERTIFICATE;
import static org.smg.policies.settings.SettingCatalog.TLS_KEYSTORE;
import static org.smg.policies.settings.SettingCatalog.TLS_KEYSTORE_PASSWORD_FILE;
import static org.smg.policies.settings.SettingCatalog.TLS_PRIVATE_KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the TLS certificate comes from: a PKCS#12 keystore, PEM files, or none (then self-signed). */
public final class TlsSettings {

    private static final String KEYSTORE = TLS_KEYSTORE.key();
    private static final String PASSWORD_FILE = TLS_KEYSTORE_PASSWORD_FILE.key();
    private static final String CERTIFICATE = TLS_CERTIFICATE.key();
    private static final String PRIVATE_KEY = TLS_PRIVATE_KEY.key();

    private final Path keystore;
    private final Path keystorePasswordFile;
    private final Path certificateChain;
    private final Path privateKey;

    private TlsSettings(Path keystore, Path keystorePasswordFile, Path certificateChain, Path privateKey) {
        this.keystore = keystore;
        this.keystorePasswordFile = keystorePasswordFile;
        this.certificateChain = certificateChain;
        this.privateKey = privateKey;
    }

    /** Resolves the configured files (each may be null) and records every inconsistency or unreadable file. */
    static TlsSettings create(Path keystore, Path passwordFile, Path certificate, Path privateKey, Path base,
            Problems problems) {
        if (keystore != null && certificate != null) {
            problems.add(CERTIFICATE, "cannot be combined with " + KEYSTORE
                    + "; configure either a PKCS#12 keystore or a PEM certificate with its private key");
        }
        requires(problems, keystore, KEYSTORE, passwordFile, PASSWORD_FILE);
        requires(problems, certificate, CERTIFICATE, privateKey, PRIVATE_KEY);
        requires(problems, privateKey, PRIVATE_KEY, certificate, CERTIFICATE);
        if (passwordFile != null && keystore == null) {
            problems.add(PASSWORD_FILE, "is only used with " + KEYSTORE
                    + ", which is not set; set " + KEYSTORE + " or remove this key");
        }
        return new TlsSettings(
                readable(problems, KEYSTORE, base, keystore, "a PKCS#12 keystore"),
                readable(problems, PASSWORD_FILE, base, passwordFile,
                        "a file holding the keystore password"),
                readable(problems, CERTIFICATE, base, certificate, "a PEM certificate chain"),
                readable(problems, PRIVATE_KEY, base, privateKey, "a PEM private key"));
    }

    private static void requires(Problems problems, Path present, String presentKey, Path needed, String neededKey) {
        if (present != null && needed == null) {
            problems.addOnLineOf(presentKey, neededKey, "missing; required when " + presentKey + " is set");
        }
    }

    // Checked at load time so that a wrong path stops start-up instead of failing the first TLS handshake.
    static Path readable(Problems problems, String key, Path base, Path path, String expected) {
        if (path == null) {
            return null;
        }
        Path resolved = PathRules.resolve(base, path);
        if (!Files.exists(resolved)) {
            problems.add(key, "file not found: '" + resolved + "'; expected " + expected);
        } else if (!Files.isRegularFile(resolved)) {
            problems.add(key, "not a regular file: '" + resolved + "'; expected " + expected);
        } else if (!Files.isReadable(resolved)) {
            problems.add(key, "file not readable: '" + resolved + "'; expected " + expected);
        }
        return resolved;
    }

    /** The PKCS#12 keystore file (tls.keystore), when configured. */
    public Optional<Path> keystore() {
        return Optional.ofNullable(keystore);
    }

    /** The file holding the keystore password (tls.keystore.passwordFile), when configured. */
    public Optional<Path> keystorePasswordFile() {
        return Optional.ofNullable(keystorePasswordFile);
    }

    /** The PEM certificate chain (tls.certificate), when configured. */
    public Optional<Path> certificateChain() {
        return Optional.ofNullable(certificateChain);
    }

    /** The PEM private key (tls.privateKey), when configured. */
    public Optional<Path> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** True when neither a keystore nor a certificate is configured, so the gateway generates its own. */
    public boolean isSelfSigned() {
        return keystore == null && certificateChain == null;
    }

    @Override
    public String toString() {
        return isSelfSigned() ? "TlsSettings[self-signed]"
                : "TlsSettings[keystore=" + keystore + ", keystorePasswordFile=" + keystorePasswordFile
                        + ", certificateChain=" + certificateChain + ", privateKey=" + privateKey + "]";
    }
}
