package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code /static/upload.js}: the one script of the site, read once from the class path and served from memory. It
 * sends each chosen file as it is picked and shows its progress; the compose form works the same without it.
 */
final class UploadScript implements HttpHandler {
    static final String PATH = "/static/upload.js";

    private final byte[] script;

    UploadScript() {
        try (InputStream in = UploadScript.class.getResourceAsStream("upload.js")) {
            if (in == null) {
                throw new IllegalStateException("upload.js is missing from the class path");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/javascript; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=3600");
        exchange.getResponseSender().send(ByteBuffer.wrap(script));
    }
}
