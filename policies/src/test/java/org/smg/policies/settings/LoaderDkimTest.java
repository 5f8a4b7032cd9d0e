package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderDkimTest {

    @TempDir
    Path base;

    @Test
    void loadShouldUseSelectorSmgWhenTheKeyIsAbsent() throws SettingsException {
        Path file = SettingsFiles.write(base, "# nothing");

        assertThat(GatewaySettingsLoader.load(file, base).dkimSelector()).isEqualTo("smg");
    }

    @Test
    void loadShouldAcceptSelectorWhenItIsADnsLabel() throws SettingsException {
        Path file = SettingsFiles.write(base, "dkim.selector=smg2026-b");

        assertThat(GatewaySettingsLoader.load(file, base).dkimSelector()).isEqualTo("smg2026-b");
    }

    @Test
    void loadShouldRejectSelectorWhenItIsNotADnsLabel() {
        Path file = SettingsFiles.write(base, "dkim.selector=smg._domainkey");

        assertThat(SettingsFiles.errors(file, base)).singleElement().asString()
            .startsWith(file + ":1: dkim.selector: ")
            .contains("expected a DNS label of 1 to 63 lower-case letters, digits and '-'");
    }
}
