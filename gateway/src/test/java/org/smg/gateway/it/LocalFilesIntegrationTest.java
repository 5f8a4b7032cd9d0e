package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gateway leaves on disk is private to its user: directories 0700, secret files 0600;
 * the demo password is printed on the start that creates the account and never again.
 */
class LocalFilesIntegrationTest {
    @TempDir
    Path root;

    @Test
    void firstStartShouldCreatePrivateDirectoriesAndSecretFilesAndShowTheDemoPasswordOnce() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        String firstOutput = gateway.output();
        String password = gateway.demoPassword();
        gateway.stop();

        gateway.start();
        String secondOutput = gateway.output();
        String passwordFromFile = gateway.demoPassword();
        gateway.stop();

        Path data = gateway.dataDirectory();
        Path secrets = gateway.secretsDirectory();
        assertThat(List.of(data, data.resolve("db"), data.resolve("tmp"), data.resolve("james"), data.resolve("tls"), secrets))
            .allSatisfy(directory -> assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------"));
        assertThat(List.of(secrets.resolve("storage.secret"), secrets.resolve("webadmin.token"), secrets.resolve("demo.password"),
            data.resolve("tls/self-signed-key.pem"), data.resolve("derby.log")))
            .allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
        assertThat(firstOutput).contains("demo login: " + gateway.demoAddress() + " password: " + password);
        assertThat(secondOutput).contains("demo login: " + gateway.demoAddress() + " password: stored in "
            + secrets.resolve("demo.password")).doesNotContain(password);
        assertThat(passwordFromFile).isEqualTo(password);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
