package org.smg.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known-answer vectors, computed independently of this code (length-prefixed fields, SHA-256). */
class AuditHashTest {
    private static final String FIRST_CANONICAL = "0000000c736d672d61756469742d7631"
        + "0000000000000001" + "0000018f332ae400"
        + "0000000d6d74613a3139322e302e322e37"
        + "0000000d4d41494c5f4143434550544544"
        + "000000154d61696c313731343535303430303030302d6b6174"
        + "000000086163636570746564"
        + "00000015726563697069656e74733d312073697a653d333132";
    private static final String FIRST_HASH = "087150e40658bf1e9436c77be998a6f8e65b048b2b711a8eef89f63758f52f67";
    private static final String SECOND_HASH = "d14a0cd77dc93e792d267c61539f4d7d768c47353092c8d95215584f0f3837fc";

    @Test
    void canonicalShouldMatchTheKnownVectorWhenGivenTheFirstEntry() {
        byte[] canonical = AuditHash.canonical(1, 1714550400000L, "mta:192.0.2.7", "MAIL_ACCEPTED", "Mail1714550400000-kat",
            "accepted", "recipients=1 size=312");

        assertThat(AuditHash.hex(canonical)).isEqualTo(FIRST_CANONICAL);
        assertThat(AuditHash.hex(AuditHash.chain(AuditHash.GENESIS, canonical))).isEqualTo(FIRST_HASH);
    }

    @Test
    void chainShouldMatchTheKnownVectorWhenFieldsAreNonAsciiOrEmpty() {
        byte[] canonical = AuditHash.canonical(2, 1714550401000L, "user:zo\u00eb@gateway.localhost", "LOGIN_SUCCEEDED",
            "zo\u00eb@gateway.localhost", "succeeded", "");

        byte[] hash = AuditHash.chain(java.util.HexFormat.of().parseHex(FIRST_HASH), canonical);

        assertThat(AuditHash.hex(hash)).isEqualTo(SECOND_HASH);
    }

    @Test
    void canonicalShouldDifferWhenTextMovesBetweenAdjacentFields() {
        byte[] one = AuditHash.canonical(1, 0, "ab", "c", "x", "y", "");
        byte[] other = AuditHash.canonical(1, 0, "a", "bc", "x", "y", "");

        assertThat(one).isNotEqualTo(other);
    }
}
