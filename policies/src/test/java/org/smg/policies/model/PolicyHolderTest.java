package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsError;
import org.smg.policies.settings.SettingsException;

class PolicyHolderTest {

    @TempDir
    Path directory;

    @Test
    void reloadShouldKeepTheCurrentSnapshotWhenTheNewFilesHaveErrors() throws SettingsException, IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyHolder holder = PolicyHolder.load(directory);
        Policies before = holder.current();
        Files.writeString(directory.resolve("programs.yaml"),
                PolicyDirectories.oneProgramWith("eco@staff.example", "not-an-address"));

        ReloadOutcome outcome = holder.reload();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Refused.class);
        ReloadOutcome.Refused refused = (ReloadOutcome.Refused) outcome;
        assertThat(refused.errors()).extracting(SettingsError::line, SettingsError::key)
                .containsExactly(tuple(4, "programs[0].staffAddress"));
        assertThat(refused.kept()).isSameAs(before);
        assertThat(holder.current()).isSameAs(before);
        assertThat(holder.current().programs().find("ECO").orElseThrow().staffAddress())
                .isEqualTo("eco@staff.example");
    }

    @Test
    void reloadShouldSwapInTheNewSnapshotWhenTheFilesAreValid() throws SettingsException, IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyHolder holder = PolicyHolder.load(directory);
        Files.writeString(directory.resolve("programs.yaml"),
                PolicyDirectories.oneProgramWith("eco@staff.example", "credits@staff.example"));

        ReloadOutcome outcome = holder.reload();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Applied.class);
        assertThat(((ReloadOutcome.Applied) outcome).policies()).isSameAs(holder.current());
        assertThat(holder.current().programs().find("ECO").orElseThrow().staffAddress())
                .isEqualTo("credits@staff.example");
    }

    @Test
    void reloadShouldTellListenersOfAppliedSnapshotsOnly() throws SettingsException, IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyHolder holder = PolicyHolder.load(directory);
        List<Policies> told = new ArrayList<>();
        holder.whenReloaded(told::add);

        holder.reload();
        Files.writeString(directory.resolve("programs.yaml"),
                PolicyDirectories.oneProgramWith("eco@staff.example", "not-an-address"));
        holder.reload();

        assertThat(told).hasSize(1);
        assertThat(told.get(0)).isSameAs(holder.current());
    }

    @Test
    void reloadShouldKeepTheCurrentSnapshotWhenTheTermsFileDisappears() throws SettingsException, IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyHolder holder = PolicyHolder.load(directory);
        Files.delete(directory.resolve("terms").resolve("terms-v1.md"));

        ReloadOutcome outcome = holder.reload();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Refused.class);
        assertThat(((ReloadOutcome.Refused) outcome).errors()).extracting(SettingsError::toString)
                .containsExactly(directory.resolve("programs.yaml") + ":8: programs[0].terms.file:"
                        + " file 'terms/terms-v1.md' not found in the policy directory");
        assertThat(holder.current().programs().find("ECO").orElseThrow().terms().text())
                .isEqualTo(PolicyDirectories.TERMS);
    }

    @Test
    void reloadShouldKeepTheCurrentTopicsWhenTheNewRoutingFileHasErrors() throws SettingsException, IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyDirectories.withFile(directory, "routing.yaml", RoutingFileTest.ROUTING);
        PolicyHolder holder = PolicyHolder.load(directory);
        Files.writeString(directory.resolve("routing.yaml"),
                RoutingFileTest.ROUTING.replace("route: eco-team", "route: lbi-team"));

        ReloadOutcome outcome = holder.reload();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Refused.class);
        assertThat(((ReloadOutcome.Refused) outcome).errors()).extracting(SettingsError::line, SettingsError::key)
                .containsExactly(tuple(11, "topics[0].route"));
        assertThat(holder.current().routing().topic("eco-credits")).isPresent();
    }
}
