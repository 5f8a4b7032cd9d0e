package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsException;

class PolicyLoaderTest {

    @TempDir
    Path directory;

    @Test
    void loadShouldReportAllThreeErrorsWithLineAndFieldWhenAFileHasThree() {
        PolicyDirectories.withPrograms(directory, String.join("\n",
                "programs:",
                "  - id: ECO",
                "    name: Energy Credits Online",
                "    staffAddress: eco@staff.example",
                "    terms: {version: \"1\", file: terms/terms-v1.md}",
                "    welcome: {subject: Welcome, body: Reply to start.}",
                "  - id: LB&I",
                "    name: Large Business and International",
                "    staffAddress: lbi-at-staff.example",
                "    invitationLifetime: 400d",
                "    terms: {version: \"1\", file: terms/terms-v1.md}",
                "    welcome: {subject: Welcome, body: Reply to start.}",
                "  - id: te/ge",
                "    name: Tax-Exempt and Government Entities",
                "    staffAddress: tege@staff.example",
                "    terms: {version: \"1\", file: terms/terms-v1.md}",
                "    welcome: {subject: Welcome, body: Reply to start.}",
                ""));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:9: programs[1].staffAddress: expected an email address such as eco@staff.example,"
                        + " got 'lbi-at-staff.example'",
                "programs.yaml:10: programs[1].invitationLifetime: expected a duration from 1d to 365d, got '400d'",
                "programs.yaml:13: programs[2].id: expected a program id of 1 to 16 characters: upper-case letters"
                        + " and digits, with '&', '/' or '-' between them, such as ECO, LB&I or TE/GE, got 'te/ge'");
    }

    @Test
    void loadShouldPrintErrorsAsFileLineFieldMessageLikeTheSettingsFile() {
        PolicyDirectories.withPrograms(directory,
                PolicyDirectories.oneProgramWith("invitationLifetime: 30d", "invitationLifetime: 0d"));

        SettingsException failure = catchThrowableOfType(() -> PolicyLoader.load(directory), SettingsException.class);

        assertThat(failure.getMessage()).isEqualTo(directory.resolve("programs.yaml")
                + ":5: programs[0].invitationLifetime: expected a duration from 1d to 365d, got '0d'");
    }

    @Test
    void loadShouldRejectUnknownFieldAndNameTheAllowedOnes() {
        PolicyDirectories.withPrograms(directory,
                PolicyDirectories.oneProgramWith("staffAddress:", "staffAdress:"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:2: programs[0].staffAddress: missing field; expected an email address such as"
                        + " eco@staff.example",
                "programs.yaml:4: programs[0].staffAdress: unknown field; allowed fields are: id, name, staffAddress,"
                        + " invitationLifetime, retention, terms, welcome");
    }

    @Test
    void loadShouldRejectUnknownTopLevelField() {
        PolicyDirectories.withPrograms(directory, "version: 2\n" + PolicyDirectories.ONE_PROGRAM);

        assertThat(PolicyDirectories.errors(directory))
                .containsExactly("programs.yaml:1: version: unknown field; allowed fields are: recordsRetention, programs");
    }

    @Test
    void loadShouldRejectDuplicateFieldNamingTheFirstLine() {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(
                "    invitationLifetime: 30d\n", "    name: Energy Credits\n"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:5: programs[0].name: duplicate field; already set on line 3 (set each field once)");
    }

    @Test
    void loadShouldRejectDuplicateProgramIdNamingTheFirstProgram() {
        String second = PolicyDirectories.ONE_PROGRAM.replace("programs:\n", "")
                .replace("eco@staff.example", "eco2@staff.example");
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM + second);

        assertThat(PolicyDirectories.errors(directory)).containsExactly("programs.yaml:13: programs[1].id: duplicate"
                + " program id 'ECO'; already used by programs[0] on line 2 (each program needs its own id)");
    }

    @Test
    void loadShouldRequireAtLeastOneProgram() {
        PolicyDirectories.withPrograms(directory, "programs: []\n");

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:1: programs: empty value; expected a list of programs (at least one)");
    }

    @Test
    void loadShouldRejectAProgramThatIsNotAMapping() {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM + "  - ECO\n");

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:13: programs[1]: expected a mapping with the fields id, name, staffAddress,"
                        + " invitationLifetime, retention, terms, welcome, got 'ECO'");
    }

    @Test
    void loadShouldRejectAnEmptyProgramsFile() {
        PolicyDirectories.withPrograms(directory, "# nothing yet\n");

        assertThat(PolicyDirectories.errors(directory))
                .containsExactly("programs.yaml: the file is empty; expected a YAML mapping");
    }

    @Test
    void loadShouldReportMissingProgramsFile() throws IOException {
        Files.createDirectories(directory);

        assertThat(PolicyDirectories.errors(directory)).containsExactly("programs.yaml: file not found");
    }

    @Test
    void loadShouldReportMissingDirectory() {
        Path missing = directory.resolve("policies");

        SettingsException failure = catchThrowableOfType(() -> PolicyLoader.load(missing), SettingsException.class);

        assertThat(failure.getMessage())
                .isEqualTo(missing + ": policy directory not found; expected a directory holding programs.yaml, attachments.yaml, routing.yaml,"
                        + " notifications.yaml, maintenance.yaml, consents.yaml");
    }

    @Test
    void loadShouldRejectUnknownPolicyFileSoAMisspeltNameIsNotIgnored() throws IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        Files.writeString(directory.resolve("atachments.yaml"), "rules: []\n");

        assertThat(PolicyDirectories.errors(directory))
                .containsExactly("atachments.yaml: unknown policy file; known files are: programs.yaml,"
                        + " attachments.yaml, routing.yaml, notifications.yaml, maintenance.yaml, consents.yaml");
    }

    @Test
    void loadShouldReportErrorsOfEveryFileTogether() throws IOException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith("  - id: ECO", "  - id: eco"));
        Files.writeString(directory.resolve("routing.yml"), "routes: []\n");

        assertThat(PolicyDirectories.errors(directory)).hasSize(2)
                .first().asString().startsWith("routing.yml: unknown policy file");
    }

    @Test
    void loadShouldKeepTheTermsTextAndVersion() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        Terms terms = PolicyLoader.load(directory).programs().find("ECO").orElseThrow().terms();

        assertThat(terms.version()).isEqualTo("1");
        assertThat(terms.file()).isEqualTo("terms/terms-v1.md");
        assertThat(terms.text()).isEqualTo(PolicyDirectories.TERMS);
        assertThat(terms.toString()).doesNotContain("Be kind");
    }

    @Test
    void loadShouldKeepTheWelcomeBodyLineBreaks() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(
                "        Reply to this message to start.\n", "        Hello.\n\n        Reply to start.\n"));

        WelcomeMessage welcome = PolicyLoader.load(directory).programs().find("ECO").orElseThrow().welcome();

        assertThat(welcome.body()).isEqualTo("Hello.\n\nReply to start.\n");
        assertThat(welcome.toString()).doesNotContain("Hello");
    }
}
