package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each field of programs.yaml: absent, empty, malformed and out of range, with the exact message. */
class ProgramsFieldErrorsTest {

    private static final String ID = "a program id of 1 to 16 characters: upper-case letters and digits,"
            + " with '&', '/' or '-' between them, such as ECO, LB&I or TE/GE";
    private static final String NAME = "one line of text of at most 100 characters";
    private static final String EMAIL = "an email address such as eco@staff.example";
    private static final String DURATION = "a duration such as 30d, 12h, 15m or 90s";
    private static final String VERSION = "a version of 1 to 32 letters, digits, '.', '_' or '-', such as 2026-01 or 1.0";
    private static final String PATH = "a relative path inside the policy directory such as"
            + " terms/terms-v1.md (letters, digits, '.', '_', '-' and '/'; no '..')";
    private static final String SUBJECT = "one line of text of at most 200 characters";
    private static final String BODY = "text of at most 20000 characters";
    private static final String TERMS_LINES = "    terms:\n      version: \"1\"\n      file: terms/terms-v1.md\n";
    private static final String WELCOME_LINES = "    welcome:\n      subject: Welcome to ECO\n      body: |\n"
            + "        Reply to this message to start.\n";

    @TempDir
    Path directory;

    static Stream<Arguments> absentFields() {
        return Stream.of(
                arguments("  - id: ECO\n", "  - # no id\n", "programs.yaml:3: programs[0].id: missing field; expected " + ID),
                arguments("    name: Energy Credits Online\n", "    #\n",
                        "programs.yaml:2: programs[0].name: missing field; expected " + NAME),
                arguments("    staffAddress: eco@staff.example\n", "    #\n",
                        "programs.yaml:2: programs[0].staffAddress: missing field; expected " + EMAIL),
                arguments(TERMS_LINES, "    #\n    #\n    #\n",
                        "programs.yaml:2: programs[0].terms: missing field; expected a mapping with the fields"
                                + " version, file"),
                arguments("      version: \"1\"\n", "      #\n",
                        "programs.yaml:8: programs[0].terms.version: missing field; expected " + VERSION),
                arguments("      file: terms/terms-v1.md\n", "      #\n",
                        "programs.yaml:7: programs[0].terms.file: missing field; expected " + PATH),
                arguments(WELCOME_LINES, "    #\n    #\n    #\n    #\n",
                        "programs.yaml:2: programs[0].welcome: missing field; expected a mapping with the fields"
                                + " subject, body"),
                arguments("      subject: Welcome to ECO\n", "      #\n",
                        "programs.yaml:11: programs[0].welcome.subject: missing field; expected " + SUBJECT),
                arguments("      body: |\n        Reply to this message to start.\n", "      #\n      #\n",
                        "programs.yaml:10: programs[0].welcome.body: missing field; expected " + BODY));
    }

    static Stream<Arguments> emptyFields() {
        return Stream.of(
                arguments("  - id: ECO", "  - id:", "programs.yaml:2: programs[0].id: empty value; expected " + ID),
                arguments("    name: Energy Credits Online", "    name: \"\"",
                        "programs.yaml:3: programs[0].name: empty value; expected " + NAME),
                arguments("    staffAddress: eco@staff.example", "    staffAddress: ~",
                        "programs.yaml:4: programs[0].staffAddress: empty value; expected " + EMAIL),
                arguments("    invitationLifetime: 30d", "    invitationLifetime:",
                        "programs.yaml:5: programs[0].invitationLifetime: empty value; expected " + DURATION
                                + " (from 1d to 365d)"),
                arguments(TERMS_LINES, "    terms:\n    #\n    #\n",
                        "programs.yaml:6: programs[0].terms: empty value; expected a mapping with the fields"
                                + " version, file"),
                arguments("      version: \"1\"", "      version: ''",
                        "programs.yaml:7: programs[0].terms.version: empty value; expected " + VERSION),
                arguments("      file: terms/terms-v1.md", "      file: null",
                        "programs.yaml:8: programs[0].terms.file: empty value; expected " + PATH),
                arguments("      subject: Welcome to ECO", "      subject:",
                        "programs.yaml:10: programs[0].welcome.subject: empty value; expected " + SUBJECT),
                arguments("      body: |\n        Reply to this message to start.\n", "      body: |\n\n",
                        "programs.yaml:11: programs[0].welcome.body: empty value; expected " + BODY));
    }

    static Stream<Arguments> malformedFields() {
        return Stream.of(
                arguments("  - id: ECO", "  - id: eco", "programs.yaml:2: programs[0].id: expected " + ID + ", got 'eco'"),
                arguments("  - id: ECO", "  - id: LB&I-", "programs.yaml:2: programs[0].id: expected " + ID
                        + ", got 'LB&I-'"),
                arguments("  - id: ECO", "  - id: [ECO]", "programs.yaml:2: programs[0].id: expected " + ID
                        + ", got a list"),
                arguments("    name: Energy Credits Online", "    name: \"Energy\\nCredits\"",
                        "programs.yaml:3: programs[0].name: expected " + NAME + ", got 'Energy\\nCredits'"),
                arguments("    staffAddress: eco@staff.example", "    staffAddress: eco.staff.example",
                        "programs.yaml:4: programs[0].staffAddress: expected " + EMAIL + ", got 'eco.staff.example'"),
                arguments("    staffAddress: eco@staff.example", "    staffAddress: eco@localhost",
                        "programs.yaml:4: programs[0].staffAddress: expected " + EMAIL + ", got 'eco@localhost'"),
                arguments("    staffAddress: eco@staff.example", "    staffAddress: \"eco staff@staff.example\"",
                        "programs.yaml:4: programs[0].staffAddress: expected " + EMAIL
                                + ", got 'eco staff@staff.example'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 30 days",
                        "programs.yaml:5: programs[0].invitationLifetime: expected " + DURATION + ", got '30 days'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 30",
                        "programs.yaml:5: programs[0].invitationLifetime: expected " + DURATION + ", got '30'"),
                arguments(TERMS_LINES, "    terms: v1\n    #\n    #\n",
                        "programs.yaml:6: programs[0].terms: expected a mapping with the fields version, file,"
                                + " got 'v1'"),
                arguments("      version: \"1\"", "      version: 1 beta",
                        "programs.yaml:7: programs[0].terms.version: expected " + VERSION + ", got '1 beta'"),
                arguments("      file: terms/terms-v1.md", "      file: ../terms-v1.md",
                        "programs.yaml:8: programs[0].terms.file: expected " + PATH + ", got '../terms-v1.md'"),
                arguments("      file: terms/terms-v1.md", "      file: /etc/passwd",
                        "programs.yaml:8: programs[0].terms.file: expected " + PATH + ", got '/etc/passwd'"),
                arguments("      file: terms/terms-v1.md", "      file: terms/terms-v2.md",
                        "programs.yaml:8: programs[0].terms.file: file 'terms/terms-v2.md' not found in the"
                                + " policy directory"),
                arguments("      file: terms/terms-v1.md", "      file: terms",
                        "programs.yaml:8: programs[0].terms.file: 'terms' is not a regular file; expected a UTF-8"
                                + " text file"),
                arguments("      subject: Welcome to ECO", "      subject: \"Welcome\\r\\nBcc: x@example.org\"",
                        "programs.yaml:10: programs[0].welcome.subject: expected " + SUBJECT
                                + ", got 'Welcome\\r\\nBcc: x@example.org'"),
                arguments("      body: |\n        Reply to this message to start.\n", "      body:\n        - a\n",
                        "programs.yaml:12: programs[0].welcome.body: expected " + BODY + ", got a list"));
    }

    static Stream<Arguments> outOfRangeFields() {
        String longName = "N".repeat(101);
        String longLocalPart = "e".repeat(65);
        return Stream.of(
                arguments("  - id: ECO", "  - id: ABCDEFGHIJKLMNOPQ",
                        "programs.yaml:2: programs[0].id: expected " + ID + ", got 'ABCDEFGHIJKLMNOPQ'"),
                arguments("    name: Energy Credits Online", "    name: " + longName,
                        "programs.yaml:3: programs[0].name: expected " + NAME + ", got 101 characters"),
                arguments("    staffAddress: eco@staff.example", "    staffAddress: " + longLocalPart + "@staff.example",
                        "programs.yaml:4: programs[0].staffAddress: expected " + EMAIL + ", got '"
                                + longLocalPart.substring(0, 60) + "...'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 0d",
                        "programs.yaml:5: programs[0].invitationLifetime: expected a duration from 1d to 365d,"
                                + " got '0d'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 23h",
                        "programs.yaml:5: programs[0].invitationLifetime: expected a duration from 1d to 365d,"
                                + " got '23h'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 366d",
                        "programs.yaml:5: programs[0].invitationLifetime: expected a duration from 1d to 365d,"
                                + " got '366d'"),
                arguments("    invitationLifetime: 30d", "    invitationLifetime: 9999999999d",
                        "programs.yaml:5: programs[0].invitationLifetime: expected " + DURATION
                                + ", got '9999999999d'"),
                arguments("      version: \"1\"", "      version: " + "v".repeat(33),
                        "programs.yaml:7: programs[0].terms.version: expected " + VERSION + ", got '"
                                + "v".repeat(33) + "'"),
                arguments("      subject: Welcome to ECO", "      subject: " + "s".repeat(201),
                        "programs.yaml:10: programs[0].welcome.subject: expected " + SUBJECT + ", got 201 characters"),
                arguments("        Reply to this message to start.", "        " + "b".repeat(20_001),
                        "programs.yaml:11: programs[0].welcome.body: expected " + BODY + ", got 20002 characters"));
    }

    @ParameterizedTest
    @MethodSource("absentFields")
    void loadShouldNameTheMissingFieldWhenARequiredFieldIsAbsent(String find, String replacement, String expected) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(find, replacement));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("emptyFields")
    void loadShouldSayEmptyValueWhenAFieldIsEmpty(String find, String replacement, String expected) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(find, replacement));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("malformedFields")
    void loadShouldSayWhatIsExpectedWhenAFieldIsMalformed(String find, String replacement, String expected) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(find, replacement));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("outOfRangeFields")
    void loadShouldGiveTheAllowedRangeWhenAFieldIsOutOfRange(String find, String replacement, String expected) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith(find, replacement));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(expected);
    }
}
