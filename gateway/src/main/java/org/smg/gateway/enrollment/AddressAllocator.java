package org.smg.gateway.enrollment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Proposes the secure inbox address of a new account from the name on the invitation:
 * "José María O'Neil" becomes jose.maria.oneil@domain, then jose.maria.oneil2@domain when taken.
 * The role mailboxes of RFC 2142 and the usual system names are never handed to a citizen, even
 * when no such user exists yet: mail meant for the operator must not reach a citizen's inbox.
 */
final class AddressAllocator {
    private static final int MAX_LOCAL_LENGTH = 40;
    private static final Set<String> RESERVED = Set.of("postmaster", "abuse", "hostmaster", "webmaster", "security", "noc",
        "info", "marketing", "sales", "support", "root", "admin", "administrator", "mailer.daemon", "noreply", "no.reply");

    interface Taken {
        boolean test(String address) throws java.sql.SQLException;
    }

    private AddressAllocator() {
    }

    static String allocate(String name, String domain, Taken taken) throws java.sql.SQLException {
        String base = localPart(name);
        String candidate = base + "@" + domain;
        for (int suffix = 2; RESERVED.contains(candidate.substring(0, candidate.indexOf('@'))) || taken.test(candidate); suffix++) {
            candidate = base + suffix + "@" + domain;
        }
        return candidate;
    }

    static String localPart(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String dotted = ascii.replaceAll("['’]", "").replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (dotted.length() > MAX_LOCAL_LENGTH) {
            dotted = dotted.substring(0, MAX_LOCAL_LENGTH).replaceAll("\\.+$", "");
        }
        return dotted.isEmpty() ? "citizen" : dotted;
    }
}
