package org.smg.gateway.enrollment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A business's Employer Identification Number and legal name.
 *
 * @param ein in the form NN-NNNNNNN
 * @param entityName the legal name as the agency knows it
 */
public record BusinessIdentity(String ein, String entityName) {
    private static final Pattern EIN = Pattern.compile("\\d{2}-\\d{7}");
    /** Prefixes the IRS has never assigned (IRS "How EINs are assigned", campus codes). */
    private static final java.util.Set<String> UNASSIGNED_PREFIXES = java.util.Set.of("00", "07", "08", "09", "17", "18",
        "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97");

    public BusinessIdentity {
        Objects.requireNonNull(ein, "ein");
        Objects.requireNonNull(entityName, "entityName");
    }

    /** Why this EIN cannot be one, or null when it has the form and a prefix the IRS assigns. */
    public static String einProblem(String ein) {
        if (ein == null || !EIN.matcher(ein).matches()) {
            return "must have the form NN-NNNNNNN (two digits, a hyphen, seven digits)";
        }
        if (UNASSIGNED_PREFIXES.contains(ein.substring(0, 2))) {
            return "starts with " + ein.substring(0, 2) + ", a prefix that is never assigned";
        }
        return null;
    }

    /** Entity names are compared ignoring case, surrounding spaces and runs of spaces, as people type them. */
    public static String normalizedName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    public boolean matches(String typedEin, String typedEntityName) {
        return ein.equals(typedEin == null ? null : typedEin.strip()) && normalizedName(entityName).equals(normalizedName(typedEntityName));
    }
}
