package org.smg.gateway.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler in front of Spark and every James filter: it decides on the headers alone,
 * before any body byte is read. James 3.8.1 installs a request-logging filter ahead of its
 * authentication filter that reads the whole body into memory, so a check inside Spark comes too
 * late (a 300 MB unauthenticated POST was read, then answered 500).
 *
 * <ul>
 *   <li>no or wrong admin token: 401, body unread, connection closed;</li>
 *   <li>declared {@code Content-Length} above {@link #MAX_BODY_BYTES}: 413, body unread;</li>
 *   <li>otherwise the body (also a chunked one, which declares no length) is read here up to
 *       {@link #MAX_BODY_BYTES} and handed on from memory; one byte more and the answer is 413.</li>
 * </ul>
 * Refusals carry {@code Connection: close}, so Jetty neither reads nor discards the rest of the
 * body to reuse the connection: it answers, then closes.
 */
final class AdminRequestGate extends HandlerWrapper {
    /** James's WebAdmin routes take small JSON documents (a password, a mapping, a task); 1 MiB is plenty. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(AdminRequestGate.class);
    private static final String TOO_LARGE = "{\"statusCode\":413,\"type\":\"InvalidArgument\","
        + "\"message\":\"Request body larger than " + MAX_BODY_BYTES + " bytes\"}";

    private final AdminCredentials credentials;

    AdminRequestGate(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        AdminCredentials.Verdict verdict = credentials.check(request.getHeader(HttpHeader.AUTHORIZATION.asString()));
        if (verdict != AdminCredentials.Verdict.ACCEPTED) {
            if (verdict == AdminCredentials.Verdict.WRONG) {
                LOGGER.warn("WebAdmin request with a wrong admin token from {}", request.getRemoteAddr());
            }
            response.setHeader(HttpHeader.WWW_AUTHENTICATE.asString(), AdminCredentials.CHALLENGE);
            refuse(baseRequest, response, HttpStatus.UNAUTHORIZED_401, verdict.refusalJson());
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(baseRequest, response, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
            return;
        }
        if (request.getContentLengthLong() == 0) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        Optional<byte[]> body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body.isEmpty()) {
            LOGGER.info("WebAdmin {} {} refused: body over {} bytes", request.getMethod(), request.getRequestURI(), MAX_BODY_BYTES);
            refuse(baseRequest, response, HttpStatus.PAYLOAD_TOO_LARGE_413, TOO_LARGE);
            return;
        }
        super.handle(target, baseRequest, new BufferedBodyRequest(request, body.get()), response);
    }

    /** The whole stream if it holds at most {@code limit} bytes; empty, after reading {@code limit + 1}, if not. */
    static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
        byte[] read = in.readNBytes(limit + 1);
        return read.length > limit ? Optional.empty() : Optional.of(read);
    }

    private static void refuse(Request baseRequest, HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader(HttpHeader.CONNECTION.asString(), HttpHeaderValue.CLOSE.asString());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }
}
