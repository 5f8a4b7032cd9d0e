package org.smg.gateway.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.smg.gateway.storage.EncryptedTemporaryFile;
import org.smg.policies.model.AttachmentRules;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * {@code POST /compose/upload} from the upload script: one raw file as the body, its name and the inbox its form was
 * opened for in headers, and the CSRF token in a header, checked before a byte of the body is read. The file streams
 * to an encrypted temporary file, then is checked like any other ({@link ComposeAttachments}). The answer is JSON: the
 * attached file's id, name, size and detected type, or the sentence saying why it was refused.
 */
final class ScriptUpload {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String FILE_NAME_HEADER = "X-File-Name";
    /** The inbox the form was opened for: a file is never attached to another inbox's message. */
    static final String INBOX_HEADER = "X-Inbox";

    private final ComposeAttachments attachments;

    ScriptUpload(ComposeAttachments attachments) {
        this.attachments = attachments;
    }

    static boolean sentByScript(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().contains(FILE_NAME_HEADER);
    }

    /** Receives the file for {@code session}'s message written for {@code inbox}. */
    void receive(HttpServerExchange exchange, WebSession session, String inbox) throws Exception {
        if (!CsrfToken.matches(session.csrfToken(), exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
            exchange.setPersistent(false);
            throw new Visit.CsrfRefused();
        }
        if (!inbox.equalsIgnoreCase(exchange.getRequestHeaders().getFirst(INBOX_HEADER))) {
            exchange.setPersistent(false);
            json(exchange, 409, "{\"error\":" + quote(ComposePages.SWITCHED) + "}");
            return;
        }
        String name;
        try {
            name = MultipartUpload.cleanName(URLDecoder.decode(exchange.getRequestHeaders().getFirst(FILE_NAME_HEADER), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            name = "";
        }
        if (name.isEmpty()) {
            json(exchange, 400, "{\"error\":" + quote("The file has no name.") + "}");
            return;
        }
        AttachmentRules rules = attachments.rulesFor(inbox);
        if (exchange.getRequestContentLength() > rules.maxFileSize()) {
            tooLarge(exchange, name, rules);
            return;
        }
        exchange.setMaxEntitySize(rules.maxFileSize());
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create("web-upload-");
        try {
            file.fill(exchange.getInputStream());
        } catch (io.undertow.server.RequestTooBigException e) {
            file.close();
            tooLarge(exchange, name, rules);
            return;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        ComposeAttachments.Accepted accepted = attachments.accept(session.composeFiles(), inbox,
            List.of(new MultipartUpload.Part(name, file, false)));
        if (accepted.added().isEmpty()) {
            json(exchange, 400, "{\"file\":" + quote(name) + ",\"error\":" + quote(accepted.errors().get(0)) + "}");
            return;
        }
        AttachedFile view = accepted.added().get(0).view();
        json(exchange, 200, "{\"id\":" + quote(view.id()) + ",\"name\":" + quote(view.name()) + ",\"size\":" + quote(view.size())
            + ",\"type\":" + quote(view.type()) + "}");
    }

    private static void tooLarge(HttpServerExchange exchange, String name, AttachmentRules rules) {
        exchange.setPersistent(false);
        json(exchange, 413, "{\"file\":" + quote(name) + ",\"error\":" + quote(ComposeAttachments.refused(name,
            ComposeAttachments.tooLarge(rules))) + "}");
    }

    private static void json(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    /** A JSON string; every character outside printable ASCII escaped, so no markup or control character passes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
