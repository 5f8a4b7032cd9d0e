package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.settings.SettingsException;

class ConsentsFileTest {

    @TempDir
    Path directory;

    private void withConsents(String yaml) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyDirectories.withFile(directory, "consents.yaml", yaml);
    }

    @Test
    void loadShouldAllowOnlyBuiltInFormsWhenFileAbsent() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        ConsentForms forms = PolicyLoader.load(directory).consentForms();

        assertThat(forms.all()).containsExactly("2848", "15314");
        assertThat(forms.allows("8821")).isFalse();
    }

    @Test
    void loadShouldAddListedFormsToBuiltInOnes() throws SettingsException {
        withConsents("forms: [\"8821\", 56-A]\n");

        ConsentForms forms = PolicyLoader.load(directory).consentForms();

        assertThat(forms.all()).containsExactly("2848", "15314", "8821", "56-A");
        assertThat(forms.allows("8821")).isTrue();
    }

    @Test
    void loadShouldReportFileLineAndFieldWhenFormMalformed() {
        withConsents("forms:\n  - \"8821\"\n  - \"88 21\"\n");

        assertThat(PolicyDirectories.errors(directory)).singleElement().asString()
            .contains("consents.yaml:3: forms[1]: ")
            .contains("a form number");
    }

    @Test
    void loadShouldReportDuplicateAndBuiltInForms() {
        withConsents("forms: [\"8821\", \"8821\", \"2848\"]\n");

        assertThat(PolicyDirectories.errors(directory)).hasSize(2)
            .anySatisfy(error -> assertThat(error).contains("forms[1]").contains("duplicate form '8821'"))
            .anySatisfy(error -> assertThat(error).contains("forms[2]").contains("always accepted"));
    }

    @Test
    void loadShouldReportUnknownField() {
        withConsents("form: [\"8821\"]\n");

        assertThat(PolicyDirectories.errors(directory)).singleElement().asString().contains("consents.yaml:1").contains("form");
    }
}
