package org.smg.policies.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses consents.yaml, optional (absent: {@link ConsentForms#builtIn()}):
 * <pre>
 * forms: ["8821"]    # forms accepted besides 2848 and 15314: letters and digits, at most 16
 * </pre>
 */
final class ConsentsFile implements PolicyFile<ConsentForms> {

    static final String FILE_NAME = "consents.yaml";
    private static final String FORMS = "forms";
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(FORMS);
    }

    @Override
    public Optional<ConsentForms> whenAbsent() {
        return Optional.of(ConsentForms.builtIn());
    }

    @Override
    public Optional<ConsentForms> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        List<String> forms = new ArrayList<>();
        if (root.has(FORMS)) {
            root.requiredListOrEmpty(FORMS, "form numbers").ifPresent(list -> list.scalars(formType(forms)));
        }
        if (root.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ConsentForms(forms));
    }

    /** A form number, each once, built-in ones not repeated (a repeat is a sign of a copy-and-paste slip). */
    private static ValueType<String> formType(List<String> seen) {
        ValueType<String> shape = ValueTypes.matching(FORM, "a form number: letters, digits and '-', at most 16, such as 8821");
        return new ValueType<>() {
            @Override
            public String expected() {
                return shape.expected();
            }

            @Override
            public String parse(String text) {
                String form = shape.parse(text);
                if (ConsentForms.BUILT_IN.contains(form)) {
                    throw new IllegalArgumentException("form '" + form + "' is always accepted; list only further forms");
                }
                if (seen.contains(form)) {
                    throw new IllegalArgumentException("duplicate form '" + form + "'; list each form once");
                }
                seen.add(form);
                return form;
            }
        };
    }
}
