package org.smg.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void escapeShouldTurnCrLfIntoVisibleEscapesWhenTextTriesToStartANewLine() {
        String forged = "guess@gateway.localhost\r\n12:00:00.000 INFO  ThrottledUsersRepository - Authentication succeeded";

        String escaped = ControlCharacters.escape(forged);

        assertThat(escaped).isEqualTo("guess@gateway.localhost\\r\\n12:00:00.000 INFO  ThrottledUsersRepository - Authentication succeeded")
            .doesNotContain("\r", "\n");
    }

    @Test
    void escapeShouldEscapeOtherControlCharactersAndUnicodeLineSeparators() {
        String escaped = ControlCharacters.escape("a\tb\u0000c\u001bd\u007fe\u0085f\u2028g\u2029h");

        assertThat(escaped).isEqualTo("a\\tb\\u0000c\\u001bd\\u007fe\\u0085f\\u2028g\\u2029h");
    }

    @Test
    void escapeShouldReturnTheSameTextWhenNothingIsUnsafe() {
        String safe = "Authentication failed for account démo@gateway.localhost (3 recent failures)";

        assertThat(ControlCharacters.escape(safe)).isSameAs(safe);
        assertThat(ControlCharacters.escape(null)).isNull();
    }
}
