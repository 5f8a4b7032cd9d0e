package org.smg.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.SecretSource;

class StorageSecretResolverTest {
    private static final String VARIABLE = "SMG_TEST_STORAGE_SECRET";
    private static final String FILE_SECRET = "the-secret-kept-in-the-file-0001";
    private static final String ENVIRONMENT_SECRET = "the-secret-from-the-environment-2";

    @TempDir
    Path directory;

    @Test
    void environmentVariableShouldWinWhenFileAlsoHoldsASecret() throws Exception {
        SecretSource source = source();
        SecretFilesTest.writeOwnerOnly(source.file(), FILE_SECRET);

        Secret secret = new StorageSecretResolver(Map.of(VARIABLE, ENVIRONMENT_SECRET)).resolve(source);

        assertThat(secret.reveal()).isEqualTo(ENVIRONMENT_SECRET);
    }

    @Test
    void fileShouldBeReadWhenVariableIsBlank() throws Exception {
        SecretSource source = source();
        SecretFilesTest.writeOwnerOnly(source.file(), FILE_SECRET + "\n");

        Secret secret = new StorageSecretResolver(Map.of(VARIABLE, "  ")).resolve(source);

        assertThat(secret.reveal()).isEqualTo(FILE_SECRET);
    }

    @Test
    void fileShouldBeCreatedWhenNeitherVariableNorFileExists() throws Exception {
        SecretSource source = source();

        Secret secret = new StorageSecretResolver(Map.of()).resolve(source);

        assertThat(source.file()).exists();
        assertThat(Files.readString(source.file()).strip()).isEqualTo(secret.reveal());
    }

    @Test
    void shortSecretShouldBeRefusedNamingTheVariableButNotTheValueWhenItComesFromTheEnvironment() throws Exception {
        SecretSource source = source();
        String shortSecret = "short-secret-15";

        assertThatThrownBy(() -> new StorageSecretResolver(Map.of(VARIABLE, shortSecret)).resolve(source))
            .hasMessageContaining("too short")
            .hasMessageContaining("environment variable " + VARIABLE)
            .hasMessageNotContaining(shortSecret)
            .hasMessageNotContaining(source.file().toString());
    }

    @Test
    void shortSecretShouldBeRefusedNamingTheFileButNotTheValueWhenItComesFromTheFile() throws Exception {
        SecretSource source = source();
        String shortSecret = "short-secret-15";
        SecretFilesTest.writeOwnerOnly(source.file(), shortSecret);

        assertThatThrownBy(() -> new StorageSecretResolver(Map.of()).resolve(source))
            .hasMessageContaining("too short")
            .hasMessageContaining("file " + source.file())
            .hasMessageNotContaining(shortSecret)
            .hasMessageNotContaining(VARIABLE);
    }

    private SecretSource source() throws Exception {
        return GatewaySettings.builder()
            .baseDirectory(directory)
            .dataDirectory(directory.resolve("var"))
            .storageSecretEnvironmentVariable(VARIABLE)
            .storageSecretFile(directory.resolve("secrets/storage.secret"))
            .build()
            .storageSecret();
    }
}
