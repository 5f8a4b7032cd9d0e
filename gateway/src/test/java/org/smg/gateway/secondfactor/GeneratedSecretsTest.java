package org.smg.gateway.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GeneratedSecretsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void appPasswordShouldBeFiveGroupsOfFourFromThirtyTwoCharacters() {
        String password = GeneratedSecrets.appPassword(random);

        assertThat(password).matches("([0-9a-hjkmnp-tv-z]{4}-){4}[0-9a-hjkmnp-tv-z]{4}");
        assertThat(GeneratedSecrets.ALPHABET.chars().distinct().count()).isEqualTo(32);
        // 16 characters after the lookup id, 5 bits each: the hashed part has 80 bits.
        assertThat((GeneratedSecrets.APP_PASSWORD_GROUPS - 1) * GeneratedSecrets.GROUP * 5).isEqualTo(80);
    }

    @Test
    void appPasswordsShouldDifferEachTime() {
        Set<String> passwords = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            passwords.add(GeneratedSecrets.appPassword(random));
        }

        assertThat(passwords).hasSize(1000);
    }

    @Test
    void normalizedShouldIgnoreCaseSpacesAndDashesAndRefuseOtherCharacters() {
        assertThat(GeneratedSecrets.normalized("7KQ2-M9XD 43ta-pw0e-hn6r")).isEqualTo("7kq2m9xd43tapw0ehn6r");
        assertThat(GeneratedSecrets.normalized("7kq2-m9xd-43ta-pw0e-hn6u")).isEmpty();
        assertThat(GeneratedSecrets.normalized("7kq2;m9xd")).isEmpty();
    }

    @Test
    void recoveryCodeShouldBeTwoGroupsOfFive() {
        String code = GeneratedSecrets.recoveryCode(random);

        assertThat(code).matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}");
        assertThat(GeneratedSecrets.normalized(code)).hasSize(GeneratedSecrets.RECOVERY_CODE_LENGTH);
    }
}
