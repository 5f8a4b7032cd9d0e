package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderPortsTest {

    @TempDir
    Path base;

    @Test
    void loadShouldRejectTwoKeysSharingAPortNamingBothKeys() {
        Path file = SettingsFiles.write(base, "smtp.relay.port=2500", "imap.port=2500");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: imap.port: port 2500 is also used by smtp.relay.port;"
                + " give each service its own port");
    }

    @Test
    void loadShouldBlameTheWrittenKeyWhenItTakesAnotherKeysDefaultPort() {
        Path file = SettingsFiles.write(base, "# settings", "smtp.relay.port=8000");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: smtp.relay.port: port 8000 is also used by webadmin.port;"
                + " give each service its own port");
    }

    @Test
    void loadShouldReportEachExtraUserOfTheSamePortOnce() {
        Path file = SettingsFiles.write(base, "smtp.relay.port=25", "smtp.submission.port=25", "smtp.smtps.port=25");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(
                file + ":2: smtp.submission.port: port 25 is also used by smtp.relay.port;"
                        + " give each service its own port",
                file + ":3: smtp.smtps.port: port 25 is also used by smtp.relay.port; give each service its own port");
    }

    @Test
    void loadShouldNotReportAClashForAPortItCouldNotParse() {
        Path file = SettingsFiles.write(base, "smtp.relay.port=1587x");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: smtp.relay.port: expected a port number 1-65535,"
                + " got '1587x'");
    }

    @Test
    void loadShouldAcceptSevenDistinctPorts() throws SettingsException {
        Path file = SettingsFiles.write(base, "smtp.relay.port=25", "smtp.submission.port=587",
                "smtp.smtps.port=465", "imap.port=143", "imap.imaps.port=993", "web.port=443", "webadmin.port=8080");

        GatewaySettings settings = GatewaySettingsLoader.load(file, base);

        assertThat(List.of(settings.relayPort(), settings.submissionPort(), settings.smtpsPort(), settings.imapPort(),
                settings.imapsPort(), settings.webPort(), settings.webAdminPort()))
                .containsExactly(25, 587, 465, 143, 993, 443, 8080);
    }
}
