package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** {@code /static/site.css}: the one style sheet, read once from the class path and served from memory. */
final class StyleSheet implements HttpHandler {
    static final String PATH = "/static/site.css";

    private final byte[] css;

    StyleSheet() {
        try (InputStream in = StyleSheet.class.getResourceAsStream("site.css")) {
            if (in == null) {
                throw new IllegalStateException("site.css is missing from the class path");
            }
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/css; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=3600");
        exchange.getResponseSender().send(ByteBuffer.wrap(css));
    }
}
