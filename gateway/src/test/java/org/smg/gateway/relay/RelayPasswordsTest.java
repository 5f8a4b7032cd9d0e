package org.smg.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayPasswordsTest {
    private static final String PASSWORD = "relay-password-of-a-staff-mta-0123";

    @Test
    void matchesShouldAcceptThePasswordItWasHashedFrom() {
        String stored = RelayPasswords.hash(PASSWORD);

        assertThat(RelayPasswords.matches(PASSWORD, stored)).isTrue();
    }

    @Test
    void matchesShouldRefuseAnotherPasswordOrOneThatDiffersInCaseOrLength() {
        String stored = RelayPasswords.hash(PASSWORD);

        assertThat(RelayPasswords.matches(PASSWORD.toUpperCase(java.util.Locale.ROOT), stored)).isFalse();
        assertThat(RelayPasswords.matches(PASSWORD + "x", stored)).isFalse();
        assertThat(RelayPasswords.matches("", stored)).isFalse();
    }

    @Test
    void hashShouldBeSaltedAndNeverContainThePassword() {
        String first = RelayPasswords.hash(PASSWORD);
        String second = RelayPasswords.hash(PASSWORD);

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha512$210000$").doesNotContain(PASSWORD);
    }

    @Test
    void matchesShouldRefuseAStoredValueInAnotherFormOrWithFewerIterations() {
        String stored = RelayPasswords.hash(PASSWORD);
        String weaker = stored.replace("$210000$", "$1000$");

        assertThat(RelayPasswords.matches(PASSWORD, weaker)).isFalse();
        assertThat(RelayPasswords.matches(PASSWORD, "bcrypt$whatever")).isFalse();
        assertThat(RelayPasswords.matches(PASSWORD, PASSWORD)).isFalse();
    }
}
