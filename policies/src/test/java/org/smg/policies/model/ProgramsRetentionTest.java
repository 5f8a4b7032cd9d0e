package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsException;

/** The records retention of programs.yaml: per program, the file's default, and the errors. */
class ProgramsRetentionTest {
    private static final String EXPECTED = "a retention such as 7y or 400d (years or days)";

    @TempDir
    Path directory;

    @Test
    void retentionShouldBeSevenYearsWhenTheFileSetsNone() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        Programs programs = PolicyLoader.load(directory).programs();

        assertThat(programs.retention("ECO")).isEqualTo(Period.ofYears(7));
        assertThat(programs.defaultRetention()).isEqualTo(Period.ofYears(7));
    }

    @Test
    void retentionShouldComeFromTheProgramWhenItSetsOne() throws SettingsException {
        PolicyDirectories.withPrograms(directory, "recordsRetention: 3y\n"
            + PolicyDirectories.oneProgramWith("    invitationLifetime: 30d\n", "    invitationLifetime: 30d\n    retention: 400d\n"));

        Programs programs = PolicyLoader.load(directory).programs();

        assertThat(programs.retention("ECO")).isEqualTo(Period.ofDays(400));
        assertThat(programs.retention("GONE")).isEqualTo(Period.ofYears(3));
    }

    @Test
    void retentionShouldBeTheFileDefaultWhenTheProgramSetsNone() throws SettingsException {
        PolicyDirectories.withPrograms(directory, "recordsRetention: 10y\n" + PolicyDirectories.ONE_PROGRAM);

        Programs programs = PolicyLoader.load(directory).programs();

        assertThat(programs.retention("ECO")).isEqualTo(Period.ofYears(10));
    }

    @Test
    void loadShouldNameFileLineAndFieldWhenARetentionIsMalformed() {
        PolicyDirectories.withPrograms(directory,
            PolicyDirectories.oneProgramWith("    invitationLifetime: 30d\n", "    invitationLifetime: 30d\n    retention: 7 years\n"));

        assertThat(PolicyDirectories.errors(directory))
            .containsExactly("programs.yaml:6: programs[0].retention: expected " + EXPECTED + ", got '7 years'");
    }

    @Test
    void loadShouldGiveTheRangeWhenTheDefaultRetentionIsOutOfRange() {
        PolicyDirectories.withPrograms(directory, "recordsRetention: 101y\n" + PolicyDirectories.ONE_PROGRAM);

        assertThat(PolicyDirectories.errors(directory))
            .containsExactly("programs.yaml:1: recordsRetention: expected a retention from 1d to 100y, got '101y'");
    }

    @Test
    void loadShouldSayEmptyValueWhenARetentionIsEmpty() {
        PolicyDirectories.withPrograms(directory,
            PolicyDirectories.oneProgramWith("    invitationLifetime: 30d\n", "    invitationLifetime: 30d\n    retention:\n"));

        assertThat(PolicyDirectories.errors(directory))
            .containsExactly("programs.yaml:6: programs[0].retention: empty value; expected " + EXPECTED + " (from 1d to 100y)");
    }
}
