package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderSecretSourceTest {

    @TempDir
    Path base;

    @Test
    void loadShouldPutDefaultSecretFileBesideTheDataDirectory() throws SettingsException {
        Path file = SettingsFiles.write(base, "gateway.dataDir=/srv/smg/data");

        SecretSource secret = GatewaySettingsLoader.load(file, base).storageSecret();

        assertThat(secret.file()).isEqualTo(Path.of("/srv/smg/secrets/storage.secret"));
    }

    @Test
    void loadShouldResolveConfiguredSecretFileAndVariable() throws SettingsException {
        Path file = SettingsFiles.write(base, "storage.secret.file=private/boot.key", "storage.secret.env=BOOT_KEY_2");

        SecretSource secret = GatewaySettingsLoader.load(file, base).storageSecret();

        assertThat(secret.file()).isEqualTo(base.toAbsolutePath().resolve("private/boot.key"));
        assertThat(secret.environmentVariable()).isEqualTo("BOOT_KEY_2");
    }

    @Test
    void loadShouldRefuseSecretFileInsideTheConfigurationDirectory() {
        Path file = SettingsFiles.write(base, "# settings", "storage.secret.file=conf/storage.secret");
        Path conf = base.toAbsolutePath().resolve("conf");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: storage.secret.file: must be outside the configuration"
                + " directory '" + conf + "', got '" + conf.resolve("storage.secret") + "'");
    }

    @Test
    void loadShouldRefuseDefaultSecretFileFallingInsideTheConfigurationDirectoryOnTheDataDirLine() {
        Path file = SettingsFiles.write(base, "# settings", "gateway.dataDir=conf/var");
        Path conf = base.toAbsolutePath().resolve("conf");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: storage.secret.file: must be outside the configuration"
                + " directory '" + conf + "', got '" + conf.resolve("secrets/storage.secret") + "' (the default,"
                + " secrets/ beside gateway.dataDir; set storage.secret.file elsewhere)");
    }

    @Test
    void loadShouldRefuseSecretFileReachingTheConfigurationDirectoryThroughASymbolicLink() throws IOException {
        Path file = SettingsFiles.write(base, "storage.secret.file=link/storage.secret");
        Files.createSymbolicLink(base.resolve("link"), base.resolve("conf"));

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).singleElement().asString()
                .startsWith(file + ":1: storage.secret.file: must be outside the configuration directory");
    }
}
