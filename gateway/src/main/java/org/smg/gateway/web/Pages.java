package org.smg.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Renders the precompiled JTE templates (HTML-escaped by default; nothing is compiled at run
 * time) and sends them with their status.
 */
final class Pages {
    static final String TEMPLATE_PACKAGE = "org.smg.gateway.web.templates";

    private final TemplateEngine engine;

    Pages() {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);
    }

    String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(template + ".jte", parameters, output);
        return output.toString();
    }

    void send(HttpServerExchange exchange, int status, String template, Map<String, Object> parameters) {
        String html = render(template, parameters);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(html, StandardCharsets.UTF_8);
    }

    /** A page that only says something, with an optional link onward. */
    void message(HttpServerExchange exchange, int status, String title, String text, String linkHref, String linkText) {
        send(exchange, status, "message", params("title", title, "text", text, "linkHref", linkHref, "linkText", linkText));
    }

    /** Template parameters from name, value pairs; values may be null (an absent error, an absent link). */
    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    static void redirect(HttpServerExchange exchange, String path) {
        exchange.setStatusCode(303);
        exchange.getResponseHeaders().put(Headers.LOCATION, path);
        exchange.endExchange();
    }
}
