package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTlsTest {

    @TempDir
    Path base;

    @Test
    void loadShouldTreatEmptyTlsValuesAsNotConfigured() throws SettingsException {
        Path file = SettingsFiles.write(base, "tls.keystore=", "tls.keystore.passwordFile=", "tls.certificate=",
                "tls.privateKey=");

        TlsSettings tls = GatewaySettingsLoader.load(file, base).tls();

        assertThat(tls.isSelfSigned()).isTrue();
        assertThat(tls.keystore()).isEmpty();
        assertThat(tls.certificateChain()).isEmpty();
    }

    @Test
    void loadShouldResolveKeystoreAndItsPasswordFile() throws SettingsException {
        Path keystore = SettingsFiles.touch(base, "tls/gateway.p12");
        Path password = SettingsFiles.touch(base, "secrets/keystore.password");
        Path file = SettingsFiles.write(base, "tls.keystore=tls/gateway.p12",
                "tls.keystore.passwordFile=" + password.toAbsolutePath());

        TlsSettings tls = GatewaySettingsLoader.load(file, base).tls();

        assertThat(tls.isSelfSigned()).isFalse();
        assertThat(tls.keystore()).contains(keystore.toAbsolutePath());
        assertThat(tls.keystorePasswordFile()).contains(password.toAbsolutePath());
        assertThat(tls.certificateChain()).isEmpty();
    }

    @Test
    void loadShouldResolvePemCertificateAndPrivateKey() throws SettingsException {
        Path certificate = SettingsFiles.touch(base, "tls/chain.pem");
        Path key = SettingsFiles.touch(base, "tls/key.pem");
        Path file = SettingsFiles.write(base, "tls.certificate=tls/chain.pem", "tls.privateKey=tls/key.pem");

        TlsSettings tls = GatewaySettingsLoader.load(file, base).tls();

        assertThat(tls.isSelfSigned()).isFalse();
        assertThat(tls.certificateChain()).contains(certificate.toAbsolutePath());
        assertThat(tls.privateKey()).contains(key.toAbsolutePath());
        assertThat(tls.keystore()).isEmpty();
    }

    @Test
    void loadShouldRefuseKeystoreTogetherWithCertificate() {
        SettingsFiles.touch(base, "k.p12");
        SettingsFiles.touch(base, "k.pw");
        SettingsFiles.touch(base, "c.pem");
        SettingsFiles.touch(base, "k.pem");
        Path file = SettingsFiles.write(base, "tls.keystore=k.p12", "tls.keystore.passwordFile=k.pw",
                "tls.certificate=c.pem", "tls.privateKey=k.pem");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":3: tls.certificate: cannot be combined with tls.keystore;"
                + " configure either a PKCS#12 keystore or a PEM certificate with its private key");
    }

    @Test
    void loadShouldRequirePasswordFileWithKeystore() {
        SettingsFiles.touch(base, "k.p12");
        Path file = SettingsFiles.write(base, "# settings", "tls.keystore=k.p12");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: tls.keystore.passwordFile: missing;"
                + " required when tls.keystore is set");
    }

    @Test
    void loadShouldRefusePasswordFileWithoutKeystore() {
        SettingsFiles.touch(base, "k.pw");
        Path file = SettingsFiles.write(base, "tls.keystore.passwordFile=k.pw");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: tls.keystore.passwordFile: is only used with tls.keystore,"
                + " which is not set; set tls.keystore or remove this key");
    }

    @Test
    void loadShouldRequirePrivateKeyWithCertificateAndViceVersa() {
        SettingsFiles.touch(base, "c.pem");
        SettingsFiles.touch(base, "k.pem");
        Path certificateOnly = SettingsFiles.write(base.resolve("a"), "tls.certificate=" + base.resolve("c.pem"));
        Path keyOnly = SettingsFiles.write(base.resolve("b"), "tls.privateKey=" + base.resolve("k.pem"));

        List<String> certificateErrors = SettingsFiles.errors(certificateOnly, base);
        List<String> keyErrors = SettingsFiles.errors(keyOnly, base);

        assertThat(certificateErrors).containsExactly(certificateOnly + ":1: tls.privateKey: missing;"
                + " required when tls.certificate is set");
        assertThat(keyErrors).containsExactly(keyOnly + ":1: tls.certificate: missing;"
                + " required when tls.privateKey is set");
    }

    @Test
    void loadShouldNameKeyAndPathOfEveryMissingTlsFile() {
        Path file = SettingsFiles.write(base, "tls.certificate=tls/chain.pem", "tls.privateKey=tls/key.pem");
        Path tls = base.toAbsolutePath().resolve("tls");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(
                file + ":1: tls.certificate: file not found: '" + tls.resolve("chain.pem")
                        + "'; expected a PEM certificate chain",
                file + ":2: tls.privateKey: file not found: '" + tls.resolve("key.pem")
                        + "'; expected a PEM private key");
    }

    @Test
    void loadShouldRefuseDirectoryAsKeystore() throws IOException {
        Files.createDirectories(base.resolve("store"));
        SettingsFiles.touch(base, "k.pw");
        Path file = SettingsFiles.write(base, "tls.keystore=store", "tls.keystore.passwordFile=k.pw");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: tls.keystore: not a regular file: '"
                + base.toAbsolutePath().resolve("store") + "'; expected a PKCS#12 keystore");
    }
}
