package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void loadShouldGiveTheShippedEcoAndLbiTopicsRoutesToStaffExample() throws SettingsException {
        Routing routing = PolicyLoader.forGateway(List.of("gateway.localhost")).read(SHIPPED).routing();

        assertThat(routing.topicsOf("ECO")).extracting(Topic::id)
                .containsExactly("eco-credits", "eco-registration", "eco-documents");
        assertThat(routing.topicsOf("LB&I")).extracting(Topic::id).containsExactly("lbi-examination", "lbi-documents");
        assertThat(routing.topics()).allSatisfy(topic ->
                assertThat(routing.routeOf(topic).address()).endsWith("@staff.example"));
        assertThat(routing.staffSenderDomains()).containsExactly("staff.example");
        assertThat(routing.externalAddressToSecureInbox()).isTrue();
    }

    @Test
    void loadShouldShipALinkNotificationAndNoActiveMaintenanceWindow() throws SettingsException {
        Policies policies = PolicyLoader.load(SHIPPED);

        assertThat(policies.notifications().mode()).isEqualTo(NotificationMode.LINK);
        assertThat(policies.notifications().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policies.notifications().template().text()).contains("{signInUrl}", "{programName}");
        assertThat(policies.maintenance().rules()).isEmpty();
    }

    @Test
    void loadShouldAcceptTheShippedExampleWindowOnceUncommented(@TempDir Path copy) throws Exception {
        try (var files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Files.copy(source, copy.resolve(SHIPPED.relativize(source).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String shipped = Files.readString(SHIPPED.resolve("maintenance.yaml"));
        String example = shipped.substring(shipped.indexOf("# weekly:"), shipped.indexOf("#\n# and for one night"));
        Files.writeString(copy.resolve("maintenance.yaml"), example.replaceAll("(?m)^# ?", ""));

        MaintenanceWindows windows = PolicyLoader.load(copy).maintenance();

        assertThat(windows.activeAt(Instant.parse("2026-07-04T23:00:00Z"))).isPresent();
        assertThat(windows.activeAt(Instant.parse("2026-07-05T02:00:00Z"))).isEmpty();
    }
}
