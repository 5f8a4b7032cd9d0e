package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real certificate is a setting: PEM (tls.certificate + tls.privateKey) or PKCS#12 (tls.keystore + its password file). */
class ConfiguredCertificateIntegrationTest {
    private static final String HOST = "mail.agency.example";

    @TempDir
    static Path files;

    @BeforeAll
    static void makeCertificate() throws Exception {
        assertThat(Openssl.available()).as("the openssl binary is needed; ./test.sh installs it").isTrue();
        Openssl.run(files, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
            "-days", "2", "-subj", "/CN=" + HOST, "-addext", "subjectAltName=DNS:" + HOST);
        Openssl.run(files, "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "identity.p12",
            "-passout", "pass:keystore-password");
        Files.writeString(files.resolve("identity.password"), "keystore-password\n");
        // The gateway refuses secret files that others can read, as OpenSSH does.
        for (String secret : new String[] {"key.pem", "identity.password"}) {
            Files.setPosixFilePermissions(files.resolve(secret), PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void startShouldRefuseTheConfiguredPrivateKeyWhenOthersCanReadIt(@TempDir Path root) throws Exception {
        Path key = Files.copy(files.resolve("key.pem"), root.resolve("readable-key.pem"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        GatewayProcess gateway = GatewayProcess.in(root)
            .with("tls.certificate", files.resolve("cert.pem").toString())
            .with("tls.privateKey", key.toString());

        int exitCode = gateway.startExpectingFailure();

        assertThat(exitCode).isEqualTo(2);
        assertThat(gateway.output()).contains("secret file " + key + " has mode 0640", "chmod 600 " + key)
            .doesNotContain("PRIVATE KEY");
    }

    @Test
    void imapsShouldPresentTheConfiguredPemCertificateWhenOneIsSet(@TempDir Path root) throws Exception {
        try (GatewayProcess gateway = GatewayProcess.in(root)
            .with("tls.certificate", files.resolve("cert.pem").toString())
            .with("tls.privateKey", files.resolve("key.pem").toString())
            .start()) {

            String handshake = Openssl.sClient(gateway.imapsPort());

            assertThat(handshake).contains("Peer certificate: CN = " + HOST).contains("Protocol version: TLSv1.3");
            assertThat(gateway.output()).doesNotContain("generated a self-signed certificate");
        }
    }

    @Test
    void smtpsShouldPresentTheConfiguredPkcs12CertificateWhenAKeystoreIsSet(@TempDir Path root) throws Exception {
        try (GatewayProcess gateway = GatewayProcess.in(root)
            .with("tls.keystore", files.resolve("identity.p12").toString())
            .with("tls.keystore.passwordFile", files.resolve("identity.password").toString())
            .start()) {

            String handshake = Openssl.sClient(gateway.smtpsPort());

            assertThat(handshake).contains("Peer certificate: CN = " + HOST).contains("Protocol version: TLSv1.3");
            assertThat(gateway.output()).doesNotContain("keystore-password");
        }
    }
}
