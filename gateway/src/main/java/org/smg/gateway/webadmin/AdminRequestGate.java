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
import org.smg.gateway.audit.AuditTrail;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * The Jetty handler in front of Spark and every James filter: it decides on the headers alone,
 * before any body byte is read. James 3.8.1 installs a request-logging filter ahead of its
 * authentication filter that reads the whole body into memory, so a check inside Spark comes too
 * late (a 300 MB unauthenticated POST was read, then answered 500).
 *
 * <ul>
 *   <li>no or wrong admin token (neither the host token nor a named administrator's): 401, body
 *       unread, connection closed;</li>
 *   <li>a James route that changes something the gateway keeps as a record ({@link JamesRouteRules}):
 *       403 with what to use instead, body unread; a James change that is allowed is first
 *       written to the audit trail (method and path, never the body), and refused if it cannot be;</li>
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

    private static final String AUDIT_FAILED = "{\"statusCode\":500,\"type\":\"ServerError\","
        + "\"message\":\"The audit trail could not record this action, so it was not done; see the gateway log\"}";

    private final AdminCredentials credentials;
    private final JamesRouteRules rules;
    private final AuditTrail audit;

    AdminRequestGate(AdminCredentials credentials, JamesRouteRules rules, AuditTrail audit) {
        this.credentials = credentials;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        AdminCredentials.Check check = credentials.check(request.getHeader(HttpHeader.AUTHORIZATION.asString()));
        if (!check.accepted()) {
            if (check.verdict() == AdminCredentials.Verdict.WRONG) {
                LOGGER.warn("WebAdmin request with a wrong admin token from {}", request.getRemoteAddr());
            }
            response.setHeader(HttpHeader.WWW_AUTHENTICATE.asString(), AdminCredentials.CHALLENGE);
            refuse(baseRequest, response, HttpStatus.UNAUTHORIZED_401, check.verdict().refusalJson());
            return;
        }
        String actor = check.actor().orElseThrow();
        String method = JamesRouteRules.effectiveMethod(request.getMethod(), request.getHeader(JamesRouteRules.METHOD_OVERRIDE));
        JamesRouteRules.Decision decision = rules.decide(method, request.getRequestURI(), request.getQueryString());
        if (decision.kind() == JamesRouteRules.Kind.REFUSE) {
            LOGGER.info("WebAdmin {} {} by {} refused: James route disabled", method, AuditTrail.fromClient(request.getRequestURI()), actor);
            refuse(baseRequest, response, HttpStatus.FORBIDDEN_403, decision.refusalJson());
            return;
        }
        if (decision.kind() == JamesRouteRules.Kind.AUDIT && !recorded(actor, method, request)) {
            refuse(baseRequest, response, HttpStatus.INTERNAL_SERVER_ERROR_500, AUDIT_FAILED);
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

    /** Writes an allowed James change into the audit trail before it is done: method, path and query, never the body. */
    private boolean recorded(String actor, String method, HttpServletRequest request) {
        String path = AuditTrail.fromClient(request.getRequestURI());
        String query = request.getQueryString() == null ? "" : " query=" + AuditTrail.fromClient(request.getQueryString());
        try {
            audit.record(actor, AuditAction.ADMIN_ACTION, path, "requested", "method=" + method + query);
            return true;
        } catch (AuditException e) {
            LOGGER.error("WebAdmin {} {} by {} not done: {}", method, path, actor, e.getMessage());
            return false;
        }
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
