package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;

/**
 * A submitted form ({@code application/x-www-form-urlencoded}), read with a size cap: at most
 * {@link #MAX_BYTES} are kept, whether the length was declared or the body is chunked; a larger
 * body is refused with 413 (and read away up to {@link #DRAIN_LIMIT}, never kept). A field sent
 * twice is refused rather than guessed at.
 */
final class FormBody {
    static final int MAX_BYTES = 16 * 1024;
    /** Any request body larger than this is cut off by Undertow and its connection closed. */
    static final int DRAIN_LIMIT = 64 * 1024;
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    /** Why a body was refused, with the status and the sentence the page shows. */
    static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Reads the body; the exchange must be blocking. */
    static FormBody read(HttpServerExchange exchange) throws Refused, IOException {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)) {
            throw new Refused(415, "The form was not sent as a web form (" + FORM_TYPE + ").");
        }
        long declared = exchange.getRequestContentLength();
        InputStream in = exchange.getInputStream();
        if (declared > MAX_BYTES) {
            throw tooLarge(exchange, in);
        }
        byte[] body;
        try {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (RequestTooBigException e) {
            throw tooLarge(exchange, in);
        }
        if (body.length > MAX_BYTES) {
            throw tooLarge(exchange, in);
        }
        return parse(new String(body, StandardCharsets.US_ASCII));
    }

    /**
     * Reads the rest of a body that is too large away, so that the answer reaches the client
     * (closing with unread bytes resets the connection and loses the answer) and the connection
     * stays usable; Undertow stops at {@link #DRAIN_LIMIT} (UndertowOptions.MAX_ENTITY_SIZE), and
     * then the connection closes after the answer.
     */
    private static Refused tooLarge(HttpServerExchange exchange, InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            exchange.setPersistent(false);
        }
        return new Refused(413, "The form is larger than " + MAX_BYTES / 1024 + " KiB.");
    }

    static FormBody parse(String encoded) throws Refused {
        Map<String, String> fields = new HashMap<>();
        if (encoded.isEmpty()) {
            return new FormBody(fields);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new Refused(400, "The form field '" + shorten(name) + "' was sent twice.");
            }
        }
        return new FormBody(fields);
    }

    private static String decode(String encoded) throws Refused {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "The form is not correctly encoded.");
        }
    }

    private static String shorten(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9_-]", "?");
        return printable.length() <= 32 ? printable : printable.substring(0, 32) + "...";
    }

    /** The field's value, empty string when absent. */
    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
