package org.smg.gateway.quarantine;

import static org.smg.gateway.admin.AdminErrors.badRequest;
import static org.smg.gateway.admin.AdminErrors.error;
import static org.smg.gateway.admin.AdminErrors.printable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.admin.AdminActor;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.RefusalReason;
import org.smg.gateway.admin.QueryParameters;
import org.smg.gateway.audit.AuditTrail;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The quarantine over WebAdmin; every call is audited (ids and outcomes, never content):
 * <ul>
 * <li>{@code GET /quarantine[?state=held|released|deleted&reason=<code>&from=&to=]}: metadata, newest first;</li>
 * <li>{@code GET /quarantine/{id}}: one record's metadata;</li>
 * <li>{@code GET /quarantine/{id}/content}: the message as it arrived ({@code message/rfc822}), only on this explicit request;</li>
 * <li>{@code POST /quarantine/{id}/release}: re-checked first; 200 with the record (released), 409 with the
 *     refusals when still refused or when not held, 503 when the scanner gives no verdict;</li>
 * <li>{@code DELETE /quarantine/{id}}: removes the message, keeps the record; 200 with the record.</li>
 * </ul>
 */
public final class QuarantineRoutes implements Routes {
    static final String BASE_PATH = "/quarantine";
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RFC822 = "message/rfc822";

    private final QuarantineStore store;
    private final QuarantineDecisions decisions;
    private final AuditTrail audit;

    @Inject
    public QuarantineRoutes(QuarantineStore store, QuarantineDecisions decisions, AuditTrail audit) {
        this.store = store;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list);
        service.get(BASE_PATH + "/:id", this::show);
        service.get(BASE_PATH + "/:id/content", this::content);
        service.post(BASE_PATH + "/:id/release", this::release);
        service.delete(BASE_PATH + "/:id", this::delete);
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of("state", "reason", "from", "to"));
        QuarantineFilter filter = new QuarantineFilter(state(request), reason(request), QueryParameters.instant(request, "from"), QueryParameters.instant(request, "to"));
        if (filter.from().isPresent() && filter.to().isPresent() && !filter.from().get().isBefore(filter.to().get())) {
            throw badRequest("'from' must be before 'to'");
        }
        List<QuarantinedMail> records = answer("listing the quarantine", () -> store.list(filter));
        audited(request, AuditAction.QUARANTINE_VIEWED, "quarantine", "listed", "count=" + records.size());
        ArrayNode list = JSON.createArrayNode();
        records.forEach(record -> list.add(json(record)));
        response.type("application/json");
        return list.toString();
    }

    private Object show(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        String id = request.params("id");
        Optional<QuarantinedMail> record = answer("reading quarantined mail", () -> store.get(id));
        audited(request, AuditAction.QUARANTINE_VIEWED, printable(id), record.isPresent() ? "metadata" : "not-found", "");
        response.type("application/json");
        return json(record.orElseThrow(() -> notFound(id))).toString();
    }

    private Object content(Request request, Response response) throws IOException {
        QueryParameters.only(request, Set.of());
        String id = request.params("id");
        Optional<QuarantinedMail> record = answer("reading quarantined mail", () -> store.get(id));
        if (record.isEmpty()) {
            audited(request, AuditAction.QUARANTINE_VIEWED, printable(id), "not-found", "");
            throw notFound(id);
        }
        if (record.get().state() != QuarantineState.HELD) {
            audited(request, AuditAction.QUARANTINE_VIEWED, id, "not-held", "state=" + record.get().state().word());
            throw conflict("quarantined mail " + id + " is " + record.get().state().word() + ": its message is no longer kept");
        }
        // Recorded before a single byte leaves: reading a refused message is an administrator's act on record.
        audited(request, AuditAction.QUARANTINE_VIEWED, id, "content", "size=" + record.get().size());
        Optional<InputStream> content = answer("reading quarantined mail", () -> store.content(id));
        if (content.isEmpty()) {
            throw conflict("quarantined mail " + id + " no longer holds a message");
        }
        response.status(HttpStatus.OK_200);
        response.type(RFC822);
        response.header("Content-Disposition", "attachment; filename=\"" + id + ".eml\"");
        response.header("X-Content-Type-Options", "nosniff");
        try (InputStream message = content.get()) {
            OutputStream out = response.raw().getOutputStream();
            message.transferTo(out);
            out.flush();
        }
        return "";
    }

    private Object release(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        String actor = AdminActor.of(request);
        QuarantineDecisions.Decision decision = answer("releasing quarantined mail", () -> decisions.release(request.params("id"), actor));
        return decided(decision, response);
    }

    private Object delete(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        String actor = AdminActor.of(request);
        QuarantineDecisions.Decision decision = answer("deleting quarantined mail", () -> decisions.delete(request.params("id"), actor));
        return decided(decision, response);
    }

    private Object decided(QuarantineDecisions.Decision decision, Response response) {
        switch (decision.outcome()) {
            case DONE:
                response.type("application/json");
                return json(decision.record().orElseThrow()).toString();
            case NOT_FOUND:
                throw error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, decision.message());
            case NOT_HELD:
                throw conflict(decision.message());
            case STILL_REFUSED:
                ObjectNode body = JSON.createObjectNode();
                body.put("statusCode", HttpStatus.CONFLICT_409);
                body.put("type", ErrorResponder.ErrorType.WRONG_STATE.getType());
                body.put("message", decision.message());
                body.set("refusals", refusals(decision.refusals()));
                response.type("application/json");
                throw spark.Spark.halt(HttpStatus.CONFLICT_409, body.toString());
            case SCANNER_UNAVAILABLE:
            default:
                throw error(HttpStatus.SERVICE_UNAVAILABLE_503, ErrorResponder.ErrorType.SERVER_ERROR, decision.message());
        }
    }

    static ObjectNode json(QuarantinedMail record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", record.id());
        json.put("quarantinedAt", record.quarantinedAt().toString());
        json.put("mailName", record.mailName());
        json.put("sender", record.sender());
        ArrayNode recipients = json.putArray("recipients");
        record.recipients().forEach(recipients::add);
        json.put("remoteAddress", record.remoteAddress().orElse(null));
        json.put("stage", record.stage());
        json.set("refusals", refusals(record.refusals()));
        json.put("size", record.size());
        json.put("state", record.state().word());
        json.put("decidedAt", record.decidedAt().map(Instant::toString).orElse(null));
        json.put("decidedBy", record.decidedBy().orElse(null));
        return json;
    }

    private static ArrayNode refusals(List<Refusal> refusals) {
        ArrayNode list = JSON.createArrayNode();
        refusals.forEach(refusal -> list.addObject()
            .put("file", refusal.fileName())
            .put("reason", refusal.reason().code())
            .put("explanation", refusal.explanation()));
        return list;
    }

    private void audited(Request request, AuditAction action, String objectId, String outcome, String detail) {
        try {
            audit.record(AdminActor.of(request), action, objectId, outcome, detail);
        } catch (AuditException e) {
            LOGGER.error("quarantine: audit entry {} {} could not be recorded: {}", action, objectId, e.getMessage());
            throw error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR,
                "the audit entry could not be recorded; nothing was shown or changed");
        }
    }

    /** A storage action of a route; a failure is a 500 that points to the log, which names it. */
    private interface Action<T> {
        T run() throws QuarantineException;
    }

    private static <T> T answer(String what, Action<T> action) {
        try {
            return action.run();
        } catch (QuarantineException e) {
            LOGGER.error("{} failed: {}", what, e.getMessage());
            throw error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR, what + " failed; see the gateway log");
        }
    }

    private static Optional<QuarantineState> state(Request request) {
        return Optional.ofNullable(request.queryParams("state")).map(word -> QuarantineState.fromWord(word).orElseThrow(() ->
            badRequest("unknown state '" + printable(word) + "'; known: held, released, deleted")));
    }

    private static Optional<RefusalReason> reason(Request request) {
        return Optional.ofNullable(request.queryParams("reason")).map(code -> Arrays.stream(RefusalReason.values())
            .filter(reason -> reason.code().equals(code)).findFirst()
            .orElseThrow(() -> badRequest("unknown reason '" + printable(code) + "'; known: "
                + String.join(", ", Arrays.stream(RefusalReason.values()).map(RefusalReason::code).toList()))));
    }

    private static RuntimeException notFound(String id) {
        return error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, "no quarantined mail " + printable(id));
    }

    private static RuntimeException conflict(String message) {
        return error(HttpStatus.CONFLICT_409, ErrorResponder.ErrorType.WRONG_STATE, message);
    }
}
