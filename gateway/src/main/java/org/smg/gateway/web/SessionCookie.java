package org.smg.gateway.web;

import java.util.Optional;

/**
 * The session cookie. The {@code __Host-} prefix makes browsers accept it only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}, so no other host or plain-HTTP page can
 * set or overwrite it; {@code HttpOnly} keeps it from scripts; {@code SameSite=Strict} keeps it
 * off requests other sites start. No {@code Max-Age}: it ends with the browser.
 */
final class SessionCookie {
    static final String NAME = "__Host-smg";
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Strict";

    private SessionCookie() {
    }

    /** The {@code Set-Cookie} value that gives the browser this session. */
    static String set(String sessionId) {
        return NAME + "=" + sessionId + ATTRIBUTES;
    }

    /** The {@code Set-Cookie} value that makes the browser forget the session. */
    static String clear() {
        return NAME + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    /**
     * The session id from the request's {@code Cookie} headers: the first well-formed value of our
     * cookie; empty when there is none.
     */
    static Optional<String> read(Iterable<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return Optional.empty();
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                int equals = trimmed.indexOf('=');
                if (equals > 0 && trimmed.substring(0, equals).equals(NAME)) {
                    String value = trimmed.substring(equals + 1);
                    if (WebSessions.wellFormedId(value)) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
