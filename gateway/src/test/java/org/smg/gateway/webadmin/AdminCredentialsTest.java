package org.smg.gateway.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.gateway.secrets.Secret;

class AdminCredentialsTest {
    private static final String ALICE_TOKEN = "alice-token-0123456789";
    private final AdminCredentials credentials = new AdminCredentials(Secret.of("s3cret-token"),
        token -> token.equals(ALICE_TOKEN) ? Optional.of("alice") : Optional.empty());

    @Test
    void checkShouldAcceptAsHostWhenBearerTokenIsTheHostToken() {
        AdminCredentials.Check check = credentials.check("Bearer s3cret-token");

        assertThat(check.verdict()).isEqualTo(AdminCredentials.Verdict.ACCEPTED);
        assertThat(check.actor()).contains("admin:host");
    }

    @Test
    void checkShouldAcceptAsTheNamedAdministratorWhenBearerTokenIsTheirs() {
        AdminCredentials.Check check = credentials.check("Bearer " + ALICE_TOKEN);

        assertThat(check.verdict()).isEqualTo(AdminCredentials.Verdict.ACCEPTED);
        assertThat(check.actor()).contains("admin:alice");
    }

    @Test
    void checkShouldSayMissingWhenHeaderIsAbsentOrNotBearer() {
        assertThat(credentials.check(null).verdict()).isEqualTo(AdminCredentials.Verdict.MISSING);
        assertThat(credentials.check("Basic czNjcmV0LXRva2Vu").verdict()).isEqualTo(AdminCredentials.Verdict.MISSING);
    }

    @Test
    void checkShouldSayWrongWithoutActorWhenTokenDiffers() {
        assertThat(credentials.check("Bearer s3cret-tokeN").verdict()).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(credentials.check("Bearer ").verdict()).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(credentials.check("Bearer unknown").actor()).isEmpty();
    }

    @Test
    void refusalJsonShouldBeA401InvalidAuthenticationWhenTokenIsWrong() {
        String json = AdminCredentials.Verdict.WRONG.refusalJson();

        assertThat(json).isEqualTo("{\"statusCode\":401,\"type\":\"InvalidAuthentication\",\"message\":\"Wrong admin token\"}");
    }
}
