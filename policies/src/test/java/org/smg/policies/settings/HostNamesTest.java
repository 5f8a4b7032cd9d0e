package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "mail.example.com", "MAIL-1.Example.COM", "a", "x1.y2", "123.example"})
    void isValidShouldAcceptLetterDigitHyphenLabels(String name) {
        boolean valid = HostNames.isValid(name);

        assertThat(valid).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "example.com.", ".example.com", "a..b", "-a.example", "a-.example", "a_b.example",
        "bad host", "caf\u00e9.example", "exa*mple.com"})
    void isValidShouldRefuseMalformedNames(String name) {
        boolean valid = HostNames.isValid(name);

        assertThat(valid).isFalse();
    }

    @Test
    void isValidShouldEnforceLabelAndTotalLengths() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));

        boolean longestLabel = HostNames.isValid(label63 + ".example");
        boolean tooLongLabel = HostNames.isValid(label63 + "a.example");
        boolean longestName = HostNames.isValid(name253);
        boolean tooLongName = HostNames.isValid(name253 + "a");

        assertThat(name253).hasSize(253);
        assertThat(longestLabel).isTrue();
        assertThat(tooLongLabel).isFalse();
        assertThat(longestName).isTrue();
        assertThat(tooLongName).isFalse();
    }

    @Test
    void parseDomainShouldLowerCaseWithRootLocale() {
        String domain = HostNames.parseDomain("MAIL.EXAMPLE.IT");

        assertThat(domain).isEqualTo("mail.example.it");
    }

    @Test
    void parseHostNameShouldKeepTheNameAsWrittenAndNameBadOnes() {
        String host = HostNames.parseHostName("Mail.Example.com");

        assertThat(host).isEqualTo("Mail.Example.com");
        assertThatThrownBy(() -> HostNames.parseHostName("mail_1"))
                .hasMessage("expected " + HostNames.EXPECTED_HOST + ", got 'mail_1'");
    }
}
