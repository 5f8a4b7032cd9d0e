package org.smg.gateway.webadmin;

import java.util.Optional;

import org.smg.gateway.secrets.Secret;

/**
 * Checks the {@code Authorization: Bearer <admin token>} header of a WebAdmin request. Two kinds of
 * token are accepted: the host token of {@code secrets/webadmin.token} (for scripts on the host;
 * actor {@code admin:host}), compared in constant time, and the token of a named administrator who
 * was not revoked (actor {@code admin:<name>}). Shared by {@link AdminRequestGate} (before Jetty
 * reads a body byte) and {@link AdminTokenFilter} (James's hook), so both refuse with the same answer.
 */
public final class AdminCredentials {
    /** The audit actor of a request made with the host token. */
    public static final String HOST_ACTOR = "admin:host";
    static final String CHALLENGE = "Bearer realm=\"smg-webadmin\"";
    private static final String PREFIX = "Bearer ";
    private static final String NAMED_PREFIX = "admin:";

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

    /** The verdict on a request and, when accepted, who made it. */
    record Check(Verdict verdict, Optional<String> actor) {
        static Check refused(Verdict verdict) {
            return new Check(verdict, Optional.empty());
        }

        boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private final Secret hostToken;
    private final NamedAdminTokens namedTokens;

    public AdminCredentials(Secret hostToken, NamedAdminTokens namedTokens) {
        this.hostToken = hostToken;
        this.namedTokens = namedTokens;
    }

    Check check(String authorizationHeader) {
        Optional<String> presented = Optional.ofNullable(authorizationHeader)
            .filter(value -> value.startsWith(PREFIX))
            .map(value -> value.substring(PREFIX.length()).strip());
        if (presented.isEmpty()) {
            return Check.refused(Verdict.MISSING);
        }
        if (hostToken.matches(presented.get())) {
            return new Check(Verdict.ACCEPTED, Optional.of(HOST_ACTOR));
        }
        return namedTokens.nameOf(presented.get())
            .map(name -> new Check(Verdict.ACCEPTED, Optional.of(NAMED_PREFIX + name)))
            .orElse(Check.refused(Verdict.WRONG));
    }
}
