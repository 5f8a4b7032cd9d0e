package org.smg.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReplyTokensTest {
    private static final String CITIZEN = "jane.doe@gateway.example";
    private static final String STAFF = "eco@staff.example";
    private static final ReplyTokens TOKENS = ReplyTokens.withKey(key((byte) 1));

    @Test
    void verifiesShouldAcceptTheTokenWhenCitizenAndStaffAreThoseItWasMadeFor() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        boolean verified = TOKENS.verifies(token, CITIZEN, STAFF);

        assertThat(verified).isTrue();
        assertThat(token).hasSize(ReplyTokens.TOKEN_LENGTH).matches("[a-z2-7]+");
        assertThat(ReplyAddresses.PREFIX.length() + token.length()).as("local part octets").isLessThanOrEqualTo(64);
    }

    @Test
    void verifiesShouldIgnoreCaseWhenAMailSystemFoldedTheLocalPartOrTheAddresses() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        boolean verified = TOKENS.verifies(token.toUpperCase(Locale.ROOT), CITIZEN.toUpperCase(Locale.ROOT), "ECO@Staff.Example");

        assertThat(verified).isTrue();
    }

    @Test
    void verifiesShouldRefuseEveryTokenWithOneCharacterChanged() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);

            assertThat(TOKENS.verifies(changed, CITIZEN, STAFF)).as("changed at %d", i).isFalse();
        }
    }

    @Test
    void verifiesShouldRefuseTheTokenWhenAnotherCitizenUsesIt() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        boolean verified = TOKENS.verifies(token, "john.roe@gateway.example", STAFF);

        assertThat(verified).isFalse();
    }

    @Test
    void verifiesShouldRefuseTheTokenWhenCheckedAgainstAnotherStaffAddress() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        boolean verified = TOKENS.verifies(token, CITIZEN, "ceo@staff.example");

        assertThat(verified).isFalse();
    }

    @Test
    void verifiesShouldRefuseTheTokenWhenMadeWithAnotherKey() {
        String token = ReplyTokens.withKey(key((byte) 2)).token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        boolean verified = TOKENS.verifies(token, CITIZEN, STAFF);

        assertThat(verified).isFalse();
    }

    @Test
    void verifiesShouldRefuseTokensOfTheWrongShape() {
        String token = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        assertThat(TOKENS.verifies(token.substring(1), CITIZEN, STAFF)).isFalse();
        assertThat(TOKENS.verifies(token + "a", CITIZEN, STAFF)).isFalse();
        assertThat(TOKENS.verifies(token.replace(token.charAt(3), '1'), CITIZEN, STAFF)).isFalse();
        assertThat(TOKENS.verifies("", CITIZEN, STAFF)).isFalse();
    }

    @Test
    void tokenShouldBeTheSameWhenMadeTwiceForTheSameThreadAndDifferForAnotherThread() {
        String thread = ReplyTokens.newThreadId();

        String first = TOKENS.token(thread, CITIZEN, STAFF);
        String again = TOKENS.token(thread, CITIZEN, STAFF);
        String other = TOKENS.token(ReplyTokens.newThreadId(), CITIZEN, STAFF);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void tokenShouldMatchAKnownAnswerSoTheFormatCannotChangeUnnoticed() {
        String token = TOKENS.token("aaaaaaaaaaaaaaaa", CITIZEN, STAFF);

        assertThat(token).startsWith("aaaaaaaaaaaaaaaa").isEqualTo(KNOWN_ANSWER);
    }

    @Test
    void withKeyShouldRefuseAKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> ReplyTokens.withKey(new byte[31]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the reply address key needs at least 32 bytes, got 31");
    }

    @Test
    void toStringShouldNotShowTheKey() {
        assertThat(TOKENS).hasToString("ReplyTokens[key hidden]");
    }

    /** Computed independently: Python's hmac, HMAC-SHA256 over the context and length-prefixed fields, 15 bytes, base32. */
    private static final String KNOWN_ANSWER = "aaaaaaaaaaaaaaaa" + "7an7rjxlpyitclj4bwif3ysz";

    private static byte[] key(byte value) {
        byte[] key = new byte[32];
        Arrays.fill(key, value);
        return key;
    }
}
