package org.smg.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.GatewaySettings;

class SecretLocationsTest {
    @TempDir
    Path directory;

    @Test
    void allShouldNameEverySecretFileBesideTheStorageSecretAndTheConfiguredTlsKey() throws Exception {
        Path certificate = Files.writeString(directory.resolve("cert.pem"), "certificate");
        Path key = Files.writeString(directory.resolve("key.pem"), "key");
        SecretLocations secrets = SecretLocations.of(settings().tlsCertificateChain(certificate).tlsPrivateKey(key).build());

        assertThat(secrets.all()).containsExactly(
            directory.resolve("secrets/storage.secret"),
            directory.resolve("secrets/webadmin.token"),
            directory.resolve("secrets/demo.password"),
            directory.resolve("secrets/reply-address.key"),
            directory.resolve("secrets/dkim-private.pem"),
            directory.resolve("var/tls/self-signed-key.pem"),
            key);
    }

    @Test
    void requireOwnerOnlyShouldRefuseTheConfiguredKeystorePasswordFileWhenItsGroupCanReadIt() throws Exception {
        Path keystore = Files.writeString(directory.resolve("identity.p12"), "keystore");
        Path password = Files.writeString(directory.resolve("identity.password"), "password\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r-----"));
        SecretLocations secrets = SecretLocations.of(settings().tlsKeystore(keystore).tlsKeystorePasswordFile(password).build());

        assertThatThrownBy(secrets::requireOwnerOnly)
            .isInstanceOf(UnprotectedSecretFileException.class)
            .hasMessageContaining(password + " has mode 0640");
    }

    @Test
    void requireOwnerOnlyShouldAcceptWhenSecretFilesAreMissingOrPrivate() throws Exception {
        SecretLocations secrets = SecretLocations.of(settings().build());
        SecretFiles.readOrCreate(secrets.webAdminToken());

        secrets.requireOwnerOnly();

        assertThat(secrets.storageSecret()).doesNotExist();
    }

    private GatewaySettings.Builder settings() {
        return GatewaySettings.builder()
            .baseDirectory(directory)
            .dataDirectory(directory.resolve("var"))
            .storageSecretFile(directory.resolve("secrets/storage.secret"));
    }
}
