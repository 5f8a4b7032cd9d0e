package org.smg.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

class DelegatedLoginNameTest {
    @Test
    void parseShouldSplitCitizenAndRepresentativeWhenNameHasOneStar() {
        Optional<DelegatedLoginName> name = DelegatedLoginName.parse("jane@gateway.example*pro@gateway.example");

        assertThat(name).contains(new DelegatedLoginName(Username.of("jane@gateway.example"), Username.of("pro@gateway.example")));
    }

    @Test
    void parseShouldGiveNothingWhenNameIsOrdinaryOrMalformed() {
        assertThat(DelegatedLoginName.parse("jane@gateway.example")).isEmpty();
        assertThat(DelegatedLoginName.parse("*pro@gateway.example")).isEmpty();
        assertThat(DelegatedLoginName.parse("jane@gateway.example*")).isEmpty();
        assertThat(DelegatedLoginName.parse("a*b*c")).isEmpty();
        assertThat(DelegatedLoginName.parse(null)).isEmpty();
    }

    @Test
    void inForceAtShouldHoldFromStartUpToEndUnlessRevoked() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-02-01T00:00:00Z");
        Consent consent = new Consent(1, "2848", "pro@x", "jane@x", ConsentScope.READ, start, end, start, "admin:host",
            Optional.empty(), Optional.empty());
        Consent revoked = new Consent(2, "2848", "pro@x", "jane@x", ConsentScope.READ, start, end, start, "admin:host",
            Optional.of(start), Optional.of("admin:host"));

        assertThat(consent.inForceAt(start.minusMillis(1))).isFalse();
        assertThat(consent.inForceAt(start)).isTrue();
        assertThat(consent.inForceAt(end.minusMillis(1))).isTrue();
        assertThat(consent.inForceAt(end)).isFalse();
        assertThat(revoked.inForceAt(start.plusSeconds(60))).isFalse();
    }
}
