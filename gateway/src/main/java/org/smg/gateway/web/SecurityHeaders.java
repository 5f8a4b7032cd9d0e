package org.smg.gateway.web;

import java.util.Map;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * Headers on every response, set before any handler runs so that error pages carry them too:
 * a Content-Security-Policy that allows nothing but the site's own style sheet, scripts (files only: no inline
 * script, no eval), requests and forms (no framing, nothing from other sites), HSTS, no MIME sniffing, no referrer (the
 * registration and reset links carry their token in the path), and no caching of pages.
 */
final class SecurityHeaders implements HttpHandler {
    static final String CONTENT_SECURITY_POLICY =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final Map<String, String> HEADERS = Map.of(
        "Content-Security-Policy", CONTENT_SECURITY_POLICY,
        "Strict-Transport-Security", "max-age=31536000",
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY",
        "Cache-Control", "no-store");

    private final HttpHandler next;

    SecurityHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HEADERS.forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        next.handleRequest(exchange);
    }
}
