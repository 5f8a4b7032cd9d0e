package org.smg.gateway.consent;

import java.util.Optional;

import org.apache.james.core.Username;

/**
 * The login name {@code <citizen address>*<representative address>} (Dovecot's master-user convention), for
 * clients that cannot send a SASL authorization identity: the representative's password opens the citizen's
 * mailbox. A name with no '*', or with an empty side, is an ordinary login name.
 */
public record DelegatedLoginName(Username citizen, Username representative) {
    static final char SEPARATOR = '*';

    public static Optional<DelegatedLoginName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int separator = name.lastIndexOf(SEPARATOR);
        if (separator <= 0 || separator == name.length() - 1 || name.indexOf(SEPARATOR) != separator) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DelegatedLoginName(Username.of(name.substring(0, separator)), Username.of(name.substring(separator + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
