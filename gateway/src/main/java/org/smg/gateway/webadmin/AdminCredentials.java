package org.smg.gateway.webadmin;

import java.util.Optional;

import org.smg.gateway.secrets.Secret;

/**
 * Checks the {@code Authorization: Bearer <admin token>} header of a WebAdmin request, in constant
 * time. Shared by {@link AdminRequestGate} (before Jetty reads a body byte) and
 * {@link AdminTokenFilter} (James's hook), so both refuse with the same answer.
 */
final class AdminCredentials {
    static final String CHALLENGE = "Bearer realm=\"smg-webadmin\"";
    private static final String PREFIX = "Bearer ";

    enum Verdict {
        ACCEPTED(""),
        MISSING("Missing 'Authorization: Bearer <admin token>' header"),
        WRONG("Wrong admin token");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        /** The 401 body WebAdmin answers with; never contains the presented value. */
        String refusalJson() {
            return "{\"statusCode\":401,\"type\":\"InvalidAuthentication\",\"message\":\"" + message + "\"}";
        }
    }

    private final Secret token;

    AdminCredentials(Secret token) {
        this.token = token;
    }

    Verdict check(String authorizationHeader) {
        Optional<String> presented = Optional.ofNullable(authorizationHeader)
            .filter(value -> value.startsWith(PREFIX))
            .map(value -> value.substring(PREFIX.length()).strip());
        if (presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return token.matches(presented.get()) ? Verdict.ACCEPTED : Verdict.WRONG;
    }
}
