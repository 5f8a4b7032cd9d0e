package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smg.policies.settings.SettingsException;

class ShippedPoliciesTest {

    private static final Path SHIPPED = Path.of("..", "conf", "policies");

    @Test
    void loadShouldAcceptTheShippedPolicyDirectory() throws SettingsException {
        Policies policies = PolicyLoader.load(SHIPPED);

        assertThat(policies.programs().all()).extracting(Program::id)
                .containsExactly("ECO", "LB&I", "TE/GE", "APPEALS");
        assertThat(policies.programs().all()).extracting(Program::name).containsExactly("Energy Credits Online",
                "Large Business and International", "Tax-Exempt and Government Entities", "Office of Appeals");
    }

    @Test
    void loadShouldGiveEveryShippedProgramAStaffAddressWelcomeAndTerms() throws SettingsException {
        Policies policies = PolicyLoader.load(SHIPPED);

        assertThat(policies.programs().all()).allSatisfy(program -> {
            assertThat(program.staffAddress()).endsWith("@staff.example");
            assertThat(program.welcome().subject()).startsWith("Welcome to");
            assertThat(program.welcome().body()).contains("reply").contains("password");
            assertThat(program.terms().version()).isEqualTo("1");
            assertThat(program.terms().text()).contains("Rules of Conduct", "official records",
                    "Monitoring notice", "Going back to paper", "Maintenance windows");
        });
    }

    @Test
    void loadShouldUseThirtyDaysWhenInvitationLifetimeIsLeftOut() throws SettingsException {
        Programs programs = PolicyLoader.load(SHIPPED).programs();

        assertThat(programs.find("ECO")).get().extracting(Program::invitationLifetime)
                .isEqualTo(Duration.ofDays(30));
        assertThat(programs.find("APPEALS")).get().extracting(Program::invitationLifetime)
                .isEqualTo(Duration.ofDays(14));
    }

    @Test
    void findShouldCompareIdsExactly() throws SettingsException {
        Programs programs = PolicyLoader.load(SHIPPED).programs();

        assertThat(programs.find("TE/GE")).isPresent();
        assertThat(programs.find("te/ge")).isEmpty();
    }

    @Test
    void loadShouldShipAttachmentsYamlWithTheDefaultsOfTheIssue() throws SettingsException {
        AttachmentPolicies attachments = PolicyLoader.load(SHIPPED).attachments();

        assertThat(attachments.defaults().allowedTypes()).containsExactlyInAnyOrder(FileType.values());
        assertThat(attachments.defaults().maxFileSize()).isEqualTo(1L << 30);
        assertThat(attachments.mailboxQuota(java.util.List.of("ECO"))).isEqualTo(2L << 30);
    }
}
