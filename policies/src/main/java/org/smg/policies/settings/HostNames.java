package org.smg.policies.settings;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks DNS host and domain names (RFC 1123 letters-digits-hyphen labels). */
public final class HostNames {

    static final String EXPECTED_HOST = "a host name of dot-separated labels (letters, digits and '-',"
            + " 1-63 characters each, not starting or ending with '-', 253 characters in all)";
    static final String EXPECTED_DOMAINS = "domain names such as example.com";
    static final String EXPECTED_DOMAIN = "a domain name such as example.com (letters, digits and '-',"
            + " 1-63 characters per label, not starting or ending with '-', 253 characters in all)";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private HostNames() {
    }

    /** Tells whether the text is a syntactically valid host name. */
    public static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        // split with limit -1 keeps empty labels, so "a..b" and a trailing dot are refused.
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Returns the host name unchanged, or throws IllegalArgumentException naming it. */
    static String parseHostName(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED_HOST, text));
        }
        return text;
    }

    /** Returns the domain lower-cased, or throws IllegalArgumentException naming it. */
    static String parseDomain(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException(Messages.expected(EXPECTED_DOMAIN, text));
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
