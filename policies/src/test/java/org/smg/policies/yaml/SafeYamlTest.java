package org.smg.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsError;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

class SafeYamlTest {

    private static final String BILLION_LAUGHS = String.join("\n",
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]",
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
            "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
            "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
            "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
            "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
            "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
            "");

    @TempDir
    Path directory;

    private final FileProblems problems = new FileProblems("test.yaml");

    @Test
    void parseShouldRefuseABillionLaughsDocumentQuicklyWithOneError() {
        Optional<Node> root = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> SafeYaml.parse(BILLION_LAUGHS, problems));

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::toString).containsExactly("test.yaml:1: anchors (&name)"
                + " and aliases (*name) are not allowed in policy files; write each value out");
    }

    @Test
    void parseShouldRefuseAnAliasOfAScalar() {
        Optional<Node> root = SafeYaml.parse("a: &x 1\nb: *x\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::line).containsExactly(1);
    }

    @Test
    void parseShouldRefuseAMergeKeyWithItsAlias() {
        Optional<Node> root = SafeYaml.parse("base: {x: 1}\nother:\n  <<: *base\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::line).containsExactly(3);
    }

    @Test
    void parseShouldRefuseExplicitTagsSoNoTypeCanBeNamed() {
        Optional<Node> root = SafeYaml.parse("a: !!javax.script.ScriptEngineManager [x]\nb: !!str 5\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::toString).containsExactly(
                "test.yaml:1: explicit tags (such as !!str or !java.Class) are not allowed in policy files;"
                        + " write the plain value",
                "test.yaml:2: explicit tags (such as !!str or !java.Class) are not allowed in policy files;"
                        + " write the plain value");
    }

    @Test
    void parseShouldRefuseASecondDocument() {
        Optional<Node> root = SafeYaml.parse("a: 1\n---\nb: 2\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::toString)
                .containsExactly("test.yaml:2: a second YAML document ('---') is not allowed; one document per file");
    }

    @Test
    void parseShouldReportMalformedYamlWithItsLine() {
        Optional<Node> root = SafeYaml.parse("a: 1\nb: [1, 2\nc: 3\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).singleElement().asString().startsWith("test.yaml:").contains("not valid YAML: ");
        assertThat(problems.errors().get(0).line()).isBetween(2, 4);
    }

    @Test
    void parseShouldReportABadIndentOnItsLine() {
        Optional<Node> root = SafeYaml.parse("a:\n  b: 1\n c: 2\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::line).containsExactly(3);
    }

    @Test
    void parseShouldRefuseNestingDeeperThanTheLimit() {
        String deep = "[".repeat(SafeYaml.MAX_NESTING + 5) + "]".repeat(SafeYaml.MAX_NESTING + 5);

        Optional<Node> root = SafeYaml.parse("a: " + deep + "\n", problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).singleElement().asString().containsIgnoringCase("nesting depth");
    }

    @Test
    void parseShouldReturnTheTreeWithLinesOfAPlainDocument() {
        Optional<Node> root = SafeYaml.parse("\uFEFF# comment\na: 1\nb:\n  - x\n", problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(root).get().isInstanceOf(MappingNode.class);
        assertThat(FileProblems.line(((MappingNode) root.get()).getValue().get(1).getKeyNode())).isEqualTo(3);
    }

    @Test
    void readShouldRefuseAFileLargerThanTheLimitWithoutParsingIt() throws IOException {
        Path file = Files.writeString(directory.resolve("big.yaml"), "a: " + "x".repeat(SafeYaml.MAX_BYTES) + "\n");

        Optional<Node> root = SafeYaml.read(file, problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::message)
                .containsExactly("file too large (" + (SafeYaml.MAX_BYTES + 4) + " bytes); expected at most "
                        + SafeYaml.MAX_BYTES + " bytes");
    }

    @Test
    void readShouldRefuseAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(directory.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        Optional<Node> root = SafeYaml.read(file, problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::message)
                .containsExactly("not valid UTF-8 text; expected a YAML file in UTF-8");
    }

    @Test
    void readShouldRefuseADirectory() {
        Optional<Node> root = SafeYaml.read(directory, problems);

        assertThat(root).isEmpty();
        assertThat(problems.errors()).extracting(SettingsError::message)
                .containsExactly("is a directory; expected a YAML file");
    }
}
