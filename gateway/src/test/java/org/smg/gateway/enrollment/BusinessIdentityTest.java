package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusinessIdentityTest {
    private final BusinessIdentity acme = new BusinessIdentity("12-3456789", "Acme Widgets LLC");

    @Test
    void einProblemShouldBeNullWhenTheEinHasTheFormAndAnAssignedPrefix() {
        assertThat(BusinessIdentity.einProblem("12-3456789")).isNull();
        assertThat(BusinessIdentity.einProblem("98-0000001")).isNull();
    }

    @Test
    void einProblemShouldStateTheFormWhenTheEinIsMalformed() {
        for (String ein : new String[] {null, "", "123456789", "12-345678", "12-34567890", "1-23456789", "12 3456789", "ab-cdefghi",
            "１２-3456789", "12-3456789\n"}) {
            assertThat(BusinessIdentity.einProblem(ein)).as(String.valueOf(ein))
                .isEqualTo("must have the form NN-NNNNNNN (two digits, a hyphen, seven digits)");
        }
    }

    @Test
    void einProblemShouldNameThePrefixWhenItIsNeverAssigned() {
        assertThat(BusinessIdentity.einProblem("00-1234567")).isEqualTo("starts with 00, a prefix that is never assigned");
        assertThat(BusinessIdentity.einProblem("89-1234567")).contains("89");
    }

    @Test
    void matchesShouldIgnoreCaseAndSpacesOfTheNameWhenTheEinIsExact() {
        assertThat(acme.matches("12-3456789", "Acme Widgets LLC")).isTrue();
        assertThat(acme.matches(" 12-3456789 ", "  acme   WIDGETS llc ")).isTrue();
    }

    @Test
    void matchesShouldBeFalseWhenEitherPartDiffersOrIsMissing() {
        assertThat(acme.matches("12-3456780", "Acme Widgets LLC")).isFalse();
        assertThat(acme.matches("123456789", "Acme Widgets LLC")).isFalse();
        assertThat(acme.matches("12-3456789", "Acme Widgets")).isFalse();
        assertThat(acme.matches(null, "Acme Widgets LLC")).isFalse();
        assertThat(acme.matches("12-3456789", null)).isFalse();
    }
}
