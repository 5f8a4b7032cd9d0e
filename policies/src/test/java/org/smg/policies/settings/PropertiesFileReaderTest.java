package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesFileReaderTest {

    @Test
    void parseShouldKeepLineNumbersAndTrimKeysAndValues() {
        List<String> lines = List.of("# comment", "", "  a.key =  some value  ", "b=", "c = x = y");

        PropertiesFileReader.Result result = PropertiesFileReader.parse(lines, "f");

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).containsExactly(
                new PropertiesFileReader.Entry("a.key", "some value", 3),
                new PropertiesFileReader.Entry("b", "", 4),
                new PropertiesFileReader.Entry("c", "x = y", 5));
    }

    @Test
    void parseShouldKeepTheFirstOfDuplicateKeysAndReportTheOthers() {
        List<String> lines = List.of("a=1", "a=2", "a=3");

        PropertiesFileReader.Result result = PropertiesFileReader.parse(lines, "f");

        assertThat(result.entries()).containsExactly(new PropertiesFileReader.Entry("a", "1", 1));
        assertThat(result.errors()).map(SettingsError::toString).containsExactly(
                "f:2: a: duplicate key; already set on line 1 (set each key once)",
                "f:3: a: duplicate key; already set on line 1 (set each key once)");
    }

    @Test
    void parseShouldOnlyTreatWholeLinesStartingWithHashAsComments() {
        List<String> lines = List.of("   # indented comment", "a=#not a comment");

        PropertiesFileReader.Result result = PropertiesFileReader.parse(lines, "f");

        assertThat(result.entries()).containsExactly(new PropertiesFileReader.Entry("a", "#not a comment", 2));
    }
}
