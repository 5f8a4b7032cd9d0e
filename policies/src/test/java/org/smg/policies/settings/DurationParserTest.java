package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "0s, PT0S", "5s, PT5S", "2m, PT2M", "1500MS, PT1.5S", "60S, PT1M", "12h, PT12H"})
    void parseShouldReadMillisecondsSecondsMinutesAndHours(String text, Duration expected) {
        Duration parsed = DurationParser.parse(text);

        assertThat(parsed).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1d", "-1s", "1.5s", "s", "5 s", "999999999999999999m"})
    void parseShouldRefuseMalformedOrOverflowingDurations(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration such as 500ms, 5s, 2m or 12h, got '" + text + "'");
    }

    @Test
    void formatShouldPreferWholeSeconds() {
        String seconds = DurationParser.format(Duration.ofMinutes(2));
        String millis = DurationParser.format(Duration.ofMillis(1500));

        assertThat(seconds).isEqualTo("120s");
        assertThat(millis).isEqualTo("1500ms");
    }
}
