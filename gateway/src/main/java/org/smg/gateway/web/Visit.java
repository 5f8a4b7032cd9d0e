package org.smg.gateway.web;

import java.util.Optional;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The session side of one request: finds the visitor's session from the cookie, opens a
 * pre-session for a form, signs in (new session, new cookie), checks a form's CSRF token.
 */
final class Visit {
    /** A form came back without its session's CSRF token: answered 403 by {@link GuardedHandler}. */
    static final class CsrfRefused extends Exception {
        CsrfRefused() {
            super("missing or wrong CSRF token");
        }
    }

    private final WebSessions sessions;

    Visit(WebSessions sessions) {
        this.sessions = sessions;
    }

    Optional<WebSession> current(HttpServerExchange exchange) {
        return SessionCookie.read(exchange.getRequestHeaders().get(Headers.COOKIE)).flatMap(sessions::find);
    }

    /** The signed-in session of this request, if any. */
    Optional<WebSession> signedIn(HttpServerExchange exchange) {
        return current(exchange).filter(WebSession::signedIn);
    }

    /** The visitor's session, or a new pre-session whose cookie is set on the response. */
    WebSession forForm(HttpServerExchange exchange) {
        Optional<WebSession> existing = current(exchange);
        if (existing.isPresent()) {
            return existing.get();
        }
        WebSession created = sessions.anonymous();
        exchange.getResponseHeaders().add(Headers.SET_COOKIE, SessionCookie.set(created.id()));
        return created;
    }

    /** Signs the account in under a new session id (the old session, if any, ends) and sets its cookie. */
    WebSession signIn(HttpServerExchange exchange, String account) {
        WebSession session = sessions.signIn(account, current(exchange));
        exchange.getResponseHeaders().put(Headers.SET_COOKIE, SessionCookie.set(session.id()));
        return session;
    }

    /** Ends the session and tells the browser to forget the cookie. */
    void signOut(HttpServerExchange exchange, Optional<WebSession> session) {
        session.ifPresent(sessions::end);
        exchange.getResponseHeaders().put(Headers.SET_COOKIE, SessionCookie.clear());
    }

    /** The session a form was posted in, once its CSRF token matches. */
    WebSession checkedForm(HttpServerExchange exchange, FormBody form) throws CsrfRefused {
        Optional<WebSession> session = current(exchange);
        if (session.isEmpty() || !CsrfToken.matches(session.get().csrfToken(), form.field(CsrfToken.FIELD))) {
            throw new CsrfRefused();
        }
        return session.get();
    }

    static String client(HttpServerExchange exchange) {
        return exchange.getSourceAddress().getAddress().getHostAddress();
    }
}
