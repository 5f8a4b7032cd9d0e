package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkTokensTest {
    @Test
    void newTokenShouldCarry256RandomBitsInUrlSafeBase64() {
        String token = LinkTokens.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(LinkTokens.looksLikeToken(token)).isTrue();
    }

    @Test
    void newTokenShouldNeverRepeatWhenCalledManyTimes() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(LinkTokens.newToken());
        }

        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void newIdShouldBeShortUrlSafeAndUnrelatedToTokens() {
        String id = LinkTokens.newId();

        assertThat(id).hasSize(16).matches("[A-Za-z0-9_-]+");
        assertThat(LinkTokens.looksLikeToken(id)).isFalse();
    }

    @Test
    void looksLikeTokenShouldRefuseAnythingElseWithoutLookingItUp() {
        String token = LinkTokens.newToken();

        assertThat(LinkTokens.looksLikeToken(null)).isFalse();
        assertThat(LinkTokens.looksLikeToken("")).isFalse();
        assertThat(LinkTokens.looksLikeToken(token + "A")).isFalse();
        assertThat(LinkTokens.looksLikeToken(token.substring(1))).isFalse();
        assertThat(LinkTokens.looksLikeToken(token.substring(1) + "/")).isFalse();
        assertThat(LinkTokens.looksLikeToken(token.substring(1) + "=")).isFalse();
    }

    @Test
    void hashShouldBeTheHexSha256OfTheToken() {
        assertThat(LinkTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = LinkTokens.newToken();
        assertThat(LinkTokens.hash(token)).hasSize(64).isEqualTo(LinkTokens.hash(token)).doesNotContain(token);
    }
}
