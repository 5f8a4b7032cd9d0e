package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class CsrfTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void newTokenShouldCarry256BitsInBase64UrlWhenCreated() {

        String token = CsrfToken.newToken(random);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void newTokenShouldDifferWhenCreatedTwice() {

        String first = CsrfToken.newToken(random);
        String second = CsrfToken.newToken(random);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void matchesShouldAcceptWhenSentTokenIsTheSessionsOwn() {
        String token = CsrfToken.newToken(random);

        boolean matches = CsrfToken.matches(token, new String(token.toCharArray()));

        assertThat(matches).isTrue();
    }

    @Test
    void matchesShouldRefuseWhenSentTokenDiffersInOneCharacter() {
        String token = CsrfToken.newToken(random);
        String altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        boolean matches = CsrfToken.matches(token, altered);

        assertThat(matches).isFalse();
    }

    @Test
    void matchesShouldRefuseWhenTokenIsMissingEmptyOrAPrefix() {
        String token = CsrfToken.newToken(random);

        assertThat(CsrfToken.matches(token, null)).isFalse();
        assertThat(CsrfToken.matches(token, "")).isFalse();
        assertThat(CsrfToken.matches(token, token.substring(0, 20))).isFalse();
        assertThat(CsrfToken.matches(null, token)).isFalse();
    }

    @Test
    void matchesShouldRefuseWhenTokenBelongsToAnotherSession() {
        String mine = CsrfToken.newToken(random);
        String theirs = CsrfToken.newToken(random);

        boolean matches = CsrfToken.matches(mine, theirs);

        assertThat(matches).isFalse();
    }
}
