package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingTest {

    @TempDir
    Path base;

    @Test
    void loadShouldNameTheRangeAndTheValueAsWrittenWhenASizeIsOutOfRange() {
        Path file = SettingsFiles.write(base, "# limits", "limits.maxMessageSize=3072m");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":2: limits.maxMessageSize: expected a size from 1K to 2G, got '3072m'");
    }

    @Test
    void loadShouldNameTheRangeAndTheValueAsWrittenWhenADurationIsOutOfRange() {
        Path file = SettingsFiles.write(base, "limits.auth.maxDelay=60001ms");

        List<String> errors = SettingsFiles.errors(file, base);

        assertThat(errors).containsExactly(file + ":1: limits.auth.maxDelay: expected a duration from 0s to 60s,"
                + " got '60001ms'");
    }

    @Test
    void loadShouldReportARangeErrorOnceWhetherSetInTheFileOrInCode() {
        Path file = SettingsFiles.write(base, "limits.maxRecipients=0");

        List<String> fromFile = SettingsFiles.errors(file, base);
        SettingsException fromCode = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> GatewaySettings.builder().baseDirectory(base).maxRecipients(0).build(), SettingsException.class);

        assertThat(fromFile).containsExactly(file + ":1: limits.maxRecipients: expected a whole number from 1 to 10000,"
                + " got '0'");
        assertThat(fromCode.errors()).map(SettingsError::toString).containsExactly(
                "limits.maxRecipients: expected a whole number from 1 to 10000, got '0'");
    }

    @Test
    void flagShouldAcceptOnlyTrueAndFalse() {
        Setting<Boolean> flag = Setting.flag("relay.auth", false);

        assertThat(flag.parse("true")).isTrue();
        assertThat(flag.parse("false")).isFalse();
        assertThatThrownBy(() -> flag.parse("yes")).hasMessage("expected true or false, got 'yes'");
        assertThatThrownBy(() -> flag.parse("TRUE")).hasMessage("expected true or false, got 'TRUE'");
        assertThatThrownBy(() -> flag.parse("")).hasMessage("empty value; expected true or false");
    }

    @Test
    void choiceShouldRefuseAnUnknownWordAndListTheAllowedOnes() {
        Setting<RelayTlsRequirement> choice = Setting.choice("relay.requireTls", RelayTlsRequirement.NON_LOOPBACK);

        assertThat(choice.parse("always")).isEqualTo(RelayTlsRequirement.ALWAYS);
        assertThatThrownBy(() -> choice.parse("sometimes"))
                .hasMessage("expected one of non-loopback, always, never, got 'sometimes'");
    }

    @Test
    void optionalPathShouldTakeAnEmptyValueAsNotConfigured() {
        Setting<Path> path = Setting.optionalPath("tls.keystore");

        assertThat(path.parse("")).isNull();
        assertThat(path.parse("conf/tls.p12")).isEqualTo(Path.of("conf/tls.p12"));
    }

    @Test
    void everyDeclaredDefaultShouldPassItsOwnCheck() throws SettingsException {
        GatewaySettings settings = GatewaySettings.builder().baseDirectory(base).build();

        assertThat(settings.limits().maxRecipients()).isEqualTo(50);
        assertThat(settings.relayAuth()).isFalse();
        assertThat(settings.relayRequireTls()).isEqualTo(RelayTlsRequirement.NON_LOOPBACK);
    }
}
