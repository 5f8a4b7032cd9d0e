package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;
import org.smg.policies.model.Terms;
import org.smg.policies.model.WelcomeMessage;

class TermsAcceptanceTest {
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    @Test
    void requiredShouldListEveryProgramsVersionSortedWhenTheAccountHasSeveral() {
        Account account = account(List.of("TE/GE", "ECO", "LB&I"), Optional.empty());

        String required = TermsAcceptance.required(account, programs("ECO", "1", "LB&I", "3", "TE/GE", "2"));

        assertThat(required).isEqualTo("ECO=1;LB&I=3;TE/GE=2");
    }

    @Test
    void requiredShouldSkipAProgramWhenItIsNoLongerInThePolicy() {
        Account account = account(List.of("ECO", "GONE"), Optional.empty());

        assertThat(TermsAcceptance.required(account, programs("ECO", "1"))).isEqualTo("ECO=1");
        assertThat(TermsAcceptance.toAccept(account, programs("ECO", "1"))).extracting(Program::id).containsExactly("ECO");
    }

    @Test
    void isCurrentShouldBeTrueOnlyWhenTheAcceptedTermsAreExactlyTheRequiredOnes() {
        Programs versionOne = programs("ECO", "1", "LB&I", "1");

        assertThat(TermsAcceptance.isCurrent(account(List.of("ECO"), Optional.empty()), versionOne)).isFalse();
        assertThat(TermsAcceptance.isCurrent(account(List.of("ECO"), Optional.of("ECO=1")), versionOne)).isTrue();
        assertThat(TermsAcceptance.isCurrent(account(List.of("ECO"), Optional.of("ECO=1")), programs("ECO", "2"))).isFalse();
        assertThat(TermsAcceptance.isCurrent(account(List.of("ECO", "LB&I"), Optional.of("ECO=1")), versionOne)).isFalse();
    }

    private static Account account(List<String> programs, Optional<String> accepted) {
        return new Account("jane.doe@gateway.test", "Jane Doe", "jane@example.net", programs, AccountState.ACTIVE, accepted,
            accepted.map(any -> NOW), Optional.empty(), NOW);
    }

    /** Programs from id, version pairs. */
    private static Programs programs(String... idsAndVersions) {
        List<Program> programs = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndVersions.length; i += 2) {
            String id = idsAndVersions[i];
            programs.add(new Program(id, id + " program", "staff@staff.example", new WelcomeMessage("Welcome", "Reply to start."),
                Duration.ofDays(30), new Terms(idsAndVersions[i + 1], "terms/terms.md", "The terms.")));
        }
        return new Programs(programs);
    }
}
