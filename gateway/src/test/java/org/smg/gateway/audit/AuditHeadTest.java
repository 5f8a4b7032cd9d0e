package org.smg.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditHeadTest {
    private static final String HASH = "087150e40658bf1e9436c77be998a6f8e65b048b2b711a8eef89f63758f52f67";

    @Test
    void parseShouldReadTheLoggedFormWhenWellFormed() {
        AuditHead head = AuditHead.parse("42:" + HASH.toUpperCase());

        assertThat(head).isEqualTo(new AuditHead(42, HASH));
        assertThat(head.toString()).isEqualTo("42:" + HASH);
    }

    @Test
    void parseShouldRefuseWhenMalformed() {
        for (String bad : new String[] {"", "42", "42:", ":" + HASH, "-1:" + HASH, "42:" + HASH.substring(1), "42:" + HASH + "00",
            "x:" + HASH, "42;" + HASH, "1234567890123456789:" + HASH}) {
            assertThatThrownBy(() -> AuditHead.parse(bad))
                .as("head '%s'", bad)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<sequence>:<SHA-256 hash in 64 hex digits>");
        }
    }
}
