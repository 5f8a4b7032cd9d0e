package org.smg.policies.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smg.policies.settings.SettingsError;

class YamlMapTest {

    private final FileProblems problems = new FileProblems("rules.yaml");

    private YamlMap root(String yaml, String... fields) {
        return YamlMap.root(SafeYaml.parse(yaml, problems).orElseThrow(), problems, fields).orElseThrow();
    }

    private List<String> errors() {
        return problems.errors().stream().map(SettingsError::toString).toList();
    }

    @Test
    void rootShouldRefuseADocumentThatIsNotAMapping() {
        Optional<YamlMap> root = YamlMap.root(SafeYaml.parse("- a\n- b\n", problems).orElseThrow(), problems, "rules");

        assertThat(root).isEmpty();
        assertThat(errors()).containsExactly("rules.yaml:1: expected a mapping with the fields rules, got a list");
    }

    @Test
    void requiredShouldReadAQuotedNullAsText() {
        YamlMap map = root("name: \"null\"\n", "name");

        assertThat(map.required("name", ValueTypes.line(10))).contains("null");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void requiredShouldKeepTheTextAsWrittenForNumbersAndBooleans() {
        YamlMap map = root("a: 1.0\nb: yes\nc: 010\n", "a", "b", "c");

        assertThat(map.required("a", ValueTypes.line(10))).contains("1.0");
        assertThat(map.required("b", ValueTypes.line(10))).contains("yes");
        assertThat(map.required("c", ValueTypes.line(10))).contains("010");
    }

    @Test
    void optionalShouldReturnTheDefaultOnlyWhenTheFieldIsAbsent() {
        YamlMap map = root("size: \n", "size", "count");

        assertThat(map.optional("count", ValueTypes.wholeNumber(1, 9), 5)).contains(5);
        assertThat(map.optional("size", ValueTypes.wholeNumber(1, 9), 5)).isEmpty();
        assertThat(errors()).containsExactly("rules.yaml:1: size: empty value; expected a whole number from 1 to 9");
    }

    @Test
    void requiredMapShouldGiveNestedFieldsTheirPath() {
        YamlMap map = root("outer:\n  inner:\n    count: ten\n", "outer");

        map.requiredMap("outer", "inner").flatMap(outer -> outer.requiredMap("inner", "count"))
                .flatMap(inner -> inner.required("count", ValueTypes.wholeNumber(1, 9)));

        assertThat(errors()).containsExactly(
                "rules.yaml:3: outer.inner.count: expected a whole number from 1 to 9, got 'ten'");
    }

    @Test
    void requiredListShouldIndexItemsFromZero() {
        YamlMap map = root("rules:\n  - {count: 1}\n  - {count: 0}\n  - {cnt: 2}\n", "rules");

        map.requiredList("rules", "rules").orElseThrow().maps("count")
                .forEach(rule -> rule.required("count", ValueTypes.wholeNumber(1, 9)));

        assertThat(errors()).containsExactly(
                "rules.yaml:3: rules[1].count: expected a whole number from 1 to 9, got '0'",
                "rules.yaml:4: rules[2].cnt: unknown field; allowed fields are: count",
                "rules.yaml:4: rules[2].count: missing field; expected a whole number from 1 to 9");
    }

    @Test
    void rootShouldRefuseAFieldNameThatIsNotText() {
        root("? [a, b]\n: 1\nname: x\n", "name");

        assertThat(errors()).containsExactly("rules.yaml:1: expected a field name, got a list");
    }

    @Test
    void requiredListShouldRefuseAScalar() {
        YamlMap map = root("rules: none\n", "rules");

        assertThat(map.requiredList("rules", "rules")).isEmpty();
        assertThat(errors()).containsExactly(
                "rules.yaml:1: rules: expected a list of rules (at least one), got 'none'");
    }
}
