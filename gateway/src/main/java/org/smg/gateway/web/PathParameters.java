package org.smg.gateway.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * The parameters of a matched path template, such as a folder name, kept apart from the query (a query parameter of
 * the same name cannot override one). Undertow decodes the path but leaves an encoded
 * slash as {@code %2F}, so that it cannot split a segment; a folder named with a "/" (IMAP allows it) comes back whole
 * here.
 */
final class PathParameters {
    private PathParameters() {
    }

    /** The parameter, or "" when the template has none of that name. */
    static String of(HttpServerExchange exchange, String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        return value == null ? "" : value.replace("%2F", "/").replace("%2f", "/");
    }
}
