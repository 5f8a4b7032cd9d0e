package org.smg.gateway.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.gateway.secrets.SecretLocations;
import org.smg.gateway.secrets.UnprotectedSecretFileException;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.TlsSettings;

/**
 * The certificate and key every TLS listener presents: the configured PKCS#12 keystore or PEM
 * pair, or else a self-signed certificate generated on first start under the data directory.
 */
public final class ServerIdentity {
    private static final Logger LOGGER = LoggerFactory.getLogger(ServerIdentity.class);

    private final Optional<Path> keystore;
    private final Optional<Secret> keystorePassword;
    private final Optional<Path> certificateChain;
    private final Optional<Path> privateKey;

    private ServerIdentity(Optional<Path> keystore, Optional<Secret> keystorePassword, Optional<Path> certificateChain, Optional<Path> privateKey) {
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        this.certificateChain = certificateChain;
        this.privateKey = privateKey;
    }

    /**
     * The identity the settings describe. A secret file (keystore password, private key) that is
     * not private to its owner is refused with {@link UnprotectedSecretFileException}; any other
     * problem is a {@link TlsIdentityException}.
     */
    public static ServerIdentity resolve(GatewaySettings settings) throws TlsIdentityException, UnprotectedSecretFileException {
        try {
            return load(settings, SecretLocations.of(settings));
        } catch (UnprotectedSecretFileException e) {
            throw e;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsIdentityException(e.getMessage(), e);
        }
    }

    private static ServerIdentity load(GatewaySettings settings, SecretLocations secrets) throws IOException, GeneralSecurityException {
        TlsSettings tls = settings.tls();
        if (tls.keystore().isPresent()) {
            Path passwordFile = secrets.tlsKeystorePassword().orElseThrow();
            return new ServerIdentity(tls.keystore(), Optional.of(SecretFiles.read(passwordFile)), Optional.empty(), Optional.empty());
        }
        if (tls.certificateChain().isPresent()) {
            // James reads the key itself; the check here is the only one it gets.
            SecretFiles.requireOwnerOnly(secrets.configuredTlsPrivateKey().orElseThrow());
            return new ServerIdentity(Optional.empty(), Optional.empty(), tls.certificateChain(), tls.privateKey());
        }
        Path key = secrets.selfSignedPrivateKey();
        Path certificate = key.resolveSibling("self-signed-certificate.pem");
        if (Files.notExists(certificate) || Files.notExists(key)) {
            SelfSignedCertificate.write(settings.hostname(), certificate, key);
            LOGGER.warn("No TLS certificate configured: generated a self-signed certificate for {} at {}. "
                + "Mail clients will ask users to trust it; configure tls.certificate/tls.privateKey or tls.keystore in production.",
                settings.hostname(), certificate);
        } else {
            SecretFiles.requireOwnerOnly(key);
            LOGGER.info("Using the self-signed certificate generated earlier at {}", certificate);
        }
        return new ServerIdentity(Optional.empty(), Optional.empty(), Optional.of(certificate), Optional.of(key));
    }

    public Optional<Path> keystore() {
        return keystore;
    }

    /** Only for handing to James's TLS configuration in memory; never written to a file. */
    public Optional<Secret> keystorePassword() {
        return keystorePassword;
    }

    public Optional<Path> certificateChain() {
        return certificateChain;
    }

    public Optional<Path> privateKey() {
        return privateKey;
    }
}
