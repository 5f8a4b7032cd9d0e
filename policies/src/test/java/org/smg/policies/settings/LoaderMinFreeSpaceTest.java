package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderMinFreeSpaceTest {

    @TempDir
    Path base;

    @Test
    void loadShouldKeepOneGibibyteFreeWhenTheKeyIsAbsent() throws SettingsException {
        Path file = SettingsFiles.write(base, "# nothing");

        long minFreeSpace = GatewaySettingsLoader.load(file, base).minFreeSpace();

        assertThat(minFreeSpace).isEqualTo(1L << 30);
    }

    @Test
    void loadShouldReadZeroAndLargeSizes() throws SettingsException {
        Path off = SettingsFiles.write(base.resolve("off"), "storage.minFreeSpace=0");
        Path huge = SettingsFiles.write(base.resolve("huge"), "storage.minFreeSpace=1000000G");

        assertThat(GatewaySettingsLoader.load(off, base).minFreeSpace()).isZero();
        assertThat(GatewaySettingsLoader.load(huge, base).minFreeSpace()).isEqualTo(1_000_000L << 30);
    }

    @Test
    void loadShouldRefuseAMalformedOrTooLargeSize() {
        Path malformed = SettingsFiles.write(base.resolve("malformed"), "storage.minFreeSpace=1GB");
        Path tooLarge = SettingsFiles.write(base.resolve("large"), "storage.minFreeSpace=2000000G");

        assertThat(SettingsFiles.errors(malformed, base)).containsExactly(malformed
                + ":1: storage.minFreeSpace: expected a size such as 512K, 100M or 1G, got '1GB'");
        assertThat(SettingsFiles.errors(tooLarge, base)).containsExactly(tooLarge
                + ":1: storage.minFreeSpace: expected a size from 0 to 1048576G, got '2000000G'");
    }
}
