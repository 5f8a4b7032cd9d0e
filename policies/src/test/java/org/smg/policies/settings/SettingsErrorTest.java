package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsErrorTest {

    @Test
    void toStringShouldJoinFileLineKeyAndMessage() {
        SettingsError error = new SettingsError("conf/gateway.properties", 12, "smtp.relay.port",
                "expected a port number 1-65535, got 'abc'");

        String text = error.toString();

        assertThat(text).isEqualTo("conf/gateway.properties:12: smtp.relay.port: expected a port number 1-65535,"
                + " got 'abc'");
    }

    @Test
    void toStringShouldLeaveOutWhatIsNotKnown() {
        SettingsError noLine = new SettingsError("conf/gateway.properties", 0, "imap.port", "m");
        SettingsError noKey = new SettingsError("conf/gateway.properties", 3, "", "m");
        SettingsError noFile = new SettingsError("", 0, "imap.port", "m");

        List<String> texts = List.of(noLine.toString(), noKey.toString(), noFile.toString());

        assertThat(texts).containsExactly("conf/gateway.properties: imap.port: m", "conf/gateway.properties:3: m",
                "imap.port: m");
    }

    @Test
    void exceptionShouldRequireAtLeastOneErrorAndKeepAnImmutableCopy() {
        SettingsError error = new SettingsError("f", 1, "k", "m");

        SettingsException exception = new SettingsException(List.of(error));

        assertThat(exception.errors()).containsExactly(error);
        assertThat(exception.getMessage()).isEqualTo("f:1: k: m").doesNotContain("\n");
        assertThatThrownBy(() -> exception.errors().add(error)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new SettingsException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
