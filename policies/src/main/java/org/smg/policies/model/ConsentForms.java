package org.smg.policies.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The consent forms an administrator may record a representative's consent under: Form 2848 (power of
 * attorney) and Form 15314 (TE/GE) always, and the further forms of consents.yaml.
 */
public final class ConsentForms {
    /** The forms every gateway accepts, whatever consents.yaml says. */
    public static final List<String> BUILT_IN = List.of("2848", "15314");

    private final List<String> forms;

    ConsentForms(List<String> extra) {
        Set<String> all = new LinkedHashSet<>(BUILT_IN);
        all.addAll(extra);
        this.forms = List.copyOf(all);
    }

    /** Only the built-in forms (consents.yaml absent). */
    public static ConsentForms builtIn() {
        return new ConsentForms(List.of());
    }

    public boolean allows(String form) {
        return form != null && forms.contains(form);
    }

    /** Every allowed form, the built-in ones first, for error messages. */
    public List<String> all() {
        return forms;
    }
}
