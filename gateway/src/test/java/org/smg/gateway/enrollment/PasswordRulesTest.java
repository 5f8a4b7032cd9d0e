package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    private static final String ADDRESS = "jane.doe@gateway.test";
    private static final String EMAIL = "jdoe77@example.net";

    @Test
    void problemShouldBeEmptyWhenThePasswordFollowsTheRules() {
        assertThat(PasswordRules.problem("correct horse battery", ADDRESS, EMAIL)).isEmpty();
        assertThat(PasswordRules.problem("abcdefghijkl", ADDRESS, EMAIL)).as("12 characters").isEmpty();
        assertThat(PasswordRules.problem("abcde".repeat(25) + "xyz", ADDRESS, EMAIL)).as("128 characters").isEmpty();
    }

    @Test
    void problemShouldStateTheLengthWhenThePasswordIsTooShortTooLongOrMissing() {
        assertThat(PasswordRules.problem("abcdefghijk", ADDRESS, EMAIL)).contains("The password is shorter than 12 characters.");
        assertThat(PasswordRules.problem(null, ADDRESS, EMAIL)).contains("The password is shorter than 12 characters.");
        assertThat(PasswordRules.problem("abcde".repeat(25) + "wxyz", ADDRESS, EMAIL)).contains("The password is longer than 128 characters.");
    }

    @Test
    void problemShouldRefuseAControlCharacterWhenOneIsTyped() {
        assertThat(PasswordRules.problem("correct horse\tbattery", ADDRESS, EMAIL)).contains("The password contains a control character.");
        assertThat(PasswordRules.problem("correct horse\u0000battery", ADDRESS, EMAIL)).contains("The password contains a control character.");
    }

    @Test
    void problemShouldRefuseFewerThanFiveDifferentCharacters() {
        assertThat(PasswordRules.problem("abababababababab", ADDRESS, EMAIL)).contains("The password uses fewer than 5 different characters.");
        assertThat(PasswordRules.problem("abcdabcdabcdabcd", ADDRESS, EMAIL)).contains("The password uses fewer than 5 different characters.");
        assertThat(PasswordRules.problem("abcdeabcdeabcde", ADDRESS, EMAIL)).isEmpty();
    }

    @Test
    void problemShouldRefuseThePasswordWhenItContainsTheAddressOrTheEmailInAnyCase() {
        assertThat(PasswordRules.problem("my Jane.Doe secret", ADDRESS, EMAIL)).contains("The password contains your address.");
        assertThat(PasswordRules.problem("secret-JDOE77-words", ADDRESS, EMAIL)).contains("The password contains your address.");
    }

    @Test
    void problemShouldIgnoreLocalPartsShorterThanThreeCharacters() {
        assertThat(PasswordRules.problem("jo likes long walks", "jo@gateway.test", "x@example.net")).isEmpty();
    }

    @Test
    void statementShouldNameEveryRuleTheCheckApplies() {
        assertThat(PasswordRules.STATEMENT).contains("12 to 128 characters", "secure address", "email address", "5 different characters");
    }
}
