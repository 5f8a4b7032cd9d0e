package org.smg.gateway.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smg.gateway.secrets.Secret;

class AdminCredentialsTest {
    private final AdminCredentials credentials = new AdminCredentials(Secret.of("s3cret-token"));

    @Test
    void checkShouldAcceptWhenBearerTokenMatches() {
        assertThat(credentials.check("Bearer s3cret-token")).isEqualTo(AdminCredentials.Verdict.ACCEPTED);
    }

    @Test
    void checkShouldSayMissingWhenHeaderIsAbsentOrNotBearer() {
        assertThat(credentials.check(null)).isEqualTo(AdminCredentials.Verdict.MISSING);
        assertThat(credentials.check("Basic czNjcmV0LXRva2Vu")).isEqualTo(AdminCredentials.Verdict.MISSING);
    }

    @Test
    void checkShouldSayWrongWhenTokenDiffers() {
        assertThat(credentials.check("Bearer s3cret-tokeN")).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(credentials.check("Bearer ")).isEqualTo(AdminCredentials.Verdict.WRONG);
    }

    @Test
    void refusalJsonShouldBeA401InvalidAuthenticationWhenTokenIsWrong() {
        String json = AdminCredentials.Verdict.WRONG.refusalJson();

        assertThat(json).isEqualTo("{\"statusCode\":401,\"type\":\"InvalidAuthentication\",\"message\":\"Wrong admin token\"}");
    }
}
