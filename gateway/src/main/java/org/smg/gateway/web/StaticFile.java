package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * One of the site's few static files under {@code /static/}, read once from the class path and served from memory:
 * the style sheet, the upload script (the compose form works without it) and the paperclip icon. Served by the
 * gateway itself, so the CSP can stay at {@code 'self'}.
 */
final class StaticFile implements HttpHandler {
    static final StaticFile STYLE_SHEET = new StaticFile("site.css", "text/css; charset=utf-8");
    static final StaticFile UPLOAD_SCRIPT = new StaticFile("upload.js", "text/javascript; charset=utf-8");
    static final StaticFile PAPERCLIP = new StaticFile("paperclip.svg", "image/svg+xml");

    private final String name;
    private final String contentType;
    private final byte[] content;

    private StaticFile(String name, String contentType) {
        this.name = name;
        this.contentType = contentType;
        try (InputStream in = StaticFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path() {
        return MaintenancePage.STATIC_PREFIX + name;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=3600");
        exchange.getResponseSender().send(ByteBuffer.wrap(content));
    }
}
