package org.smg.gateway.imap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.smg.gateway.consent.DelegatedLoginName;

/** Reads a SASL PLAIN response ({@code [authzid] NUL authcid NUL password}, RFC 4616) for a delegated authentication identity. */
final class PlainResponse {
    private PlainResponse() {
    }

    /** The delegated name when the response has no authorization identity and the authentication identity is {@code a*b}. */
    static Optional<DelegatedLoginName> delegatedName(String initialClientResponse) {
        String[] parts = parts(initialClientResponse);
        return parts.length == 3 && (parts[0].isEmpty() || parts[0].equals(parts[1])) ? DelegatedLoginName.parse(parts[1]) : Optional.empty();
    }

    static String password(String initialClientResponse) {
        String[] parts = parts(initialClientResponse);
        return parts.length == 3 ? parts[2] : "";
    }

    private static String[] parts(String initialClientResponse) {
        try {
            return new String(Base64.getDecoder().decode(initialClientResponse.strip()), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return new String[0];
        }
    }
}
