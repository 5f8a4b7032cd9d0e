package org.smg.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final ValueType<Duration> ANY_DURATION = ValueTypes.duration(Duration.ZERO, Duration.ofDays(3650));

    @Test
    void durationShouldReadEveryUnit() {
        assertThat(ANY_DURATION.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ANY_DURATION.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ANY_DURATION.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(ANY_DURATION.parse("30d")).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30D", "1.5d", "-1d", "30 d", "1w", "P30D"})
    void durationShouldRefuseOtherSpellings(String text) {
        assertThatThrownBy(() -> ANY_DURATION.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration such as 30d, 12h, 15m or 90s, got '" + text + "'");
    }

    @Test
    void formatShouldUseTheLargestWholeUnit() {
        assertThat(ValueTypes.format(Duration.ofDays(365))).isEqualTo("365d");
        assertThat(ValueTypes.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(ValueTypes.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(ValueTypes.format(Duration.ofSeconds(61))).isEqualTo("61s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eco@staff.example", "first.last+tag@mail.staff.example", "o'neil@example.org"})
    void emailAddressShouldAcceptDotAtomAddresses(String text) {
        assertThat(ValueTypes.emailAddress().parse(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eco", "@staff.example", "eco@", "eco@staff", "eco..x@staff.example", ".eco@staff.example",
        "eco@staff..example", "eco@-staff.example", "\"eco\"@staff.example", "eco@[192.0.2.1]", "eco@staff.example>",
        "eco@staff.example\nBcc: x@example.org"})
    void emailAddressShouldRefuseWhatIsNotAPlainAddress(String text) {
        assertThatThrownBy(() -> ValueTypes.emailAddress().parse(text))
                .hasMessageStartingWith("expected an email address such as eco@staff.example, got '");
    }

    @Test
    void lineShouldShowLineBreaksAndShortenLongValuesInTheMessage() {
        String text = "a\n" + "b".repeat(100);

        assertThatThrownBy(() -> ValueTypes.line(200).parse(text))
                .hasMessage("expected one line of text of at most 200 characters, got 'a\\n" + "b".repeat(57) + "...'");
    }

    @Test
    void wholeNumberShouldRefuseValuesOutsideItsRange() {
        assertThat(ValueTypes.wholeNumber(-5, 5).parse("-5")).isEqualTo(-5);
        assertThatThrownBy(() -> ValueTypes.wholeNumber(-5, 5).parse("6"))
                .hasMessage("expected a whole number from -5 to 5, got '6'");
        assertThatThrownBy(() -> ValueTypes.wholeNumber(-5, 5).parse("99999999999"))
                .hasMessage("expected a whole number from -5 to 5, got '99999999999'");
    }
}
