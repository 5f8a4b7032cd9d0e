package org.smg.gateway.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smg.policies.settings.GatewaySettings;

/**
 * The one place that names every secret file of the gateway, so that a new secret cannot be
 * added without the start-up check seeing it:
 * <ul>
 *   <li>{@code secrets/storage.secret}: the storage boot secret ({@code storage.secret.file});</li>
 *   <li>{@code secrets/webadmin.token}: the WebAdmin bearer token;</li>
 *   <li>{@code secrets/demo.password}: the {@code --demo} account's password;</li>
 *   <li>{@code secrets/reply-address.key}: the MAC key of reply addresses;</li>
 *   <li>{@code secrets/dkim-private.pem}: the DKIM signing key (RSA 2048, PKCS#8 PEM);</li>
 *   <li>{@code <data>/tls/self-signed-key.pem}: the generated TLS private key;</li>
 *   <li>the configured TLS private key ({@code tls.privateKey}) or keystore password file
 *       ({@code tls.keystore.passwordFile}).</li>
 * </ul>
 * The secrets directory is the one holding the storage secret file.
 */
public final class SecretLocations {
    private final GatewaySettings settings;

    private SecretLocations(GatewaySettings settings) {
        this.settings = settings;
    }

    public static SecretLocations of(GatewaySettings settings) {
        return new SecretLocations(settings);
    }

    public Path secretsDirectory() {
        return storageSecret().getParent();
    }

    public Path storageSecret() {
        return settings.storageSecret().file().toAbsolutePath();
    }

    public Path webAdminToken() {
        return secretsDirectory().resolve("webadmin.token");
    }

    public Path demoPassword() {
        return secretsDirectory().resolve("demo.password");
    }

    /** The key of the reply addresses' MAC, generated on first start. */
    public Path replyAddressKey() {
        return secretsDirectory().resolve("reply-address.key");
    }

    /** The DKIM signing key, generated on first start. */
    public Path dkimPrivateKey() {
        return secretsDirectory().resolve("dkim-private.pem");
    }

    /** The private key of the certificate generated when none is configured. */
    public Path selfSignedPrivateKey() {
        return settings.dataDirectory().resolve("tls").resolve("self-signed-key.pem");
    }

    public Optional<Path> configuredTlsPrivateKey() {
        return settings.tls().privateKey();
    }

    public Optional<Path> tlsKeystorePassword() {
        return settings.tls().keystorePasswordFile();
    }

    /** Every secret file the gateway may read or hand to James, whether it exists yet or not. */
    public List<Path> all() {
        List<Path> files = new ArrayList<>(List.of(storageSecret(), webAdminToken(), demoPassword(), replyAddressKey(),
            dkimPrivateKey(), selfSignedPrivateKey()));
        configuredTlsPrivateKey().ifPresent(files::add);
        tlsKeystorePassword().ifPresent(files::add);
        return files;
    }

    /** Refuses the first existing secret file that is not private to its owner (see {@link SecretFiles#requireOwnerOnly}). */
    public void requireOwnerOnly() throws IOException {
        for (Path file : all()) {
            if (Files.exists(file)) {
                SecretFiles.requireOwnerOnly(file);
            }
        }
    }
}
