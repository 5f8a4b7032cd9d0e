package org.smg.gateway.records;

import static org.smg.gateway.admin.AdminErrors.badRequest;
import static org.smg.gateway.admin.AdminErrors.error;
import static org.smg.gateway.admin.AdminErrors.printable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.admin.AdminActor;
import org.smg.gateway.admin.QueryParameters;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.policies.model.Programs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Records over WebAdmin (a contract scripts rely on); every call is audited before anything is
 * shown or changed (ids and outcomes, never content):
 * <ul>
 * <li>{@code GET /accounts/{address}/records[?from=&to=]}: metadata, oldest first; each entry has
 *     {@code id, date, direction, size, messageId, sender, recipient, program, held};</li>
 * <li>{@code GET /accounts/{address}/records/export?from=&to=&format=mbox|zip}: the records of the range
 *     as one mboxrd file or a ZIP of {@code .eml} files (default {@code mbox});</li>
 * <li>{@code GET /records/{id}}: the message exactly as delivered ({@code message/rfc822});</li>
 * <li>{@code POST /records/{id}/restore}: appends it, unread, to the citizen's INBOX;</li>
 * <li>{@code PUT} / {@code DELETE /accounts/{address}/hold}: the legal hold on an account;</li>
 * <li>{@code PUT} / {@code DELETE /records/program-hold?program=<id>}: the legal hold on a program;</li>
 * <li>{@code GET /records/holds}: every hold.</li>
 * </ul>
 * {@code from} and {@code to} are ISO-8601 instants or dates (UTC); {@code from} inclusive, {@code to} exclusive.
 */
public final class RecordRoutes implements Routes {
    static final String BASE_PATH = "/records";
    private static final String ACCOUNTS = "/accounts/:address";
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RFC822 = "message/rfc822";
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RecordStore store;
    private final RecordRestore restore;
    private final AccountStore accounts;
    private final Supplier<Programs> programs;
    private final AuditTrail audit;

    RecordRoutes(RecordStore store, RecordRestore restore, AccountStore accounts, Supplier<Programs> programs, AuditTrail audit) {
        this.store = store;
        this.restore = restore;
        this.accounts = accounts;
        this.programs = programs;
        this.audit = audit;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(ACCOUNTS + "/records", this::list);
        service.get(ACCOUNTS + "/records/export", this::export);
        service.put(ACCOUNTS + "/hold", this::holdAccount);
        service.delete(ACCOUNTS + "/hold", this::releaseAccount);
        service.get(BASE_PATH + "/holds", this::holds);
        service.put(BASE_PATH + "/program-hold", this::holdProgram);
        service.delete(BASE_PATH + "/program-hold", this::releaseProgram);
        service.get(BASE_PATH + "/:id", this::content);
        service.post(BASE_PATH + "/:id/restore", this::restore);
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of("from", "to"));
        String account = account(request);
        Optional<Instant> from = QueryParameters.instant(request, "from");
        Optional<Instant> to = QueryParameters.instant(request, "to");
        ordered(from, to);
        List<MessageRecord> records = answer("listing records", () -> store.list(account, from, to));
        audited(request, AuditAction.RECORD_VIEWED, account, "listed", "count=" + records.size());
        ArrayNode list = JSON.createArrayNode();
        records.forEach(record -> list.add(json(record)));
        response.type("application/json");
        return list.toString();
    }

    private Object export(Request request, Response response) throws IOException {
        QueryParameters.only(request, Set.of("from", "to", "format"));
        String account = account(request);
        Optional<Instant> from = QueryParameters.instant(request, "from");
        Optional<Instant> to = QueryParameters.instant(request, "to");
        ordered(from, to);
        String format = Optional.ofNullable(request.queryParams("format")).orElse("mbox");
        if (!format.equals("mbox") && !format.equals("zip")) {
            throw badRequest("'format' must be mbox or zip");
        }
        List<MessageRecord> records = answer("listing records", () -> store.list(account, from, to));
        // Recorded before a single byte leaves.
        audited(request, AuditAction.RECORD_EXPORTED, account, format, "count=" + records.size()
            + " from=" + from.map(Instant::toString).orElse("-") + " to=" + to.map(Instant::toString).orElse("-"));
        String name = "records-" + account.replaceAll("[^A-Za-z0-9@._-]", "_");
        response.status(HttpStatus.OK_200);
        response.type(format.equals("zip") ? "application/zip" : "application/mbox");
        response.header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        response.header("X-Content-Type-Options", "nosniff");
        OutputStream out = response.raw().getOutputStream();
        if (format.equals("zip")) {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (MessageRecord record : records) {
                    zip.putNextEntry(new ZipEntry(FILE_DATE.format(record.date()) + "-" + record.direction().word() + "-" + record.id() + ".eml"));
                    try (InputStream message = message(record.id())) {
                        message.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        } else {
            MboxWriter mbox = new MboxWriter(out);
            for (MessageRecord record : records) {
                try (InputStream message = message(record.id())) {
                    mbox.write(record, message);
                }
            }
            out.flush();
        }
        return "";
    }

    private Object content(Request request, Response response) throws IOException {
        QueryParameters.only(request, Set.of());
        String id = request.params("id");
        Optional<MessageRecord> record = answer("reading a record", () -> store.get(id));
        if (record.isEmpty()) {
            audited(request, AuditAction.RECORD_VIEWED, printable(id), "not-found", "");
            throw notFound(id);
        }
        audited(request, AuditAction.RECORD_VIEWED, id, "content", "account=" + record.get().account() + " size=" + record.get().size());
        response.status(HttpStatus.OK_200);
        response.type(RFC822);
        response.header("Content-Disposition", "attachment; filename=\"" + id + ".eml\"");
        response.header("X-Content-Type-Options", "nosniff");
        try (InputStream message = message(id)) {
            OutputStream out = response.raw().getOutputStream();
            message.transferTo(out);
            out.flush();
        }
        return "";
    }

    private Object restore(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        String id = request.params("id");
        Optional<MessageRecord> record = answer("reading a record", () -> store.get(id));
        if (record.isEmpty()) {
            audited(request, AuditAction.RECORD_RESTORED, printable(id), "not-found", "");
            throw notFound(id);
        }
        long uid;
        try {
            uid = restore.restore(record.get());
        } catch (MailboxException | RuntimeException e) {
            LOGGER.error("restoring record {} into the INBOX of {} failed: {}", id, record.get().account(), e.toString());
            audited(request, AuditAction.RECORD_RESTORED, id, "failed", "account=" + record.get().account());
            throw error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR,
                "restoring record " + id + " failed; see the gateway log");
        }
        audited(request, AuditAction.RECORD_RESTORED, id, "restored", "account=" + record.get().account() + " uid=" + uid);
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id);
        json.put("account", record.get().account());
        json.put("mailbox", "INBOX");
        json.put("uid", uid);
        response.type("application/json");
        return json.toString();
    }

    private Object holdAccount(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        String account = account(request);
        boolean known = answer("reading an account", () -> accounts.find(account).isPresent());
        if (!known) {
            throw error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, "no account " + printable(account));
        }
        return hold(request, response, Hold.ACCOUNT, account);
    }

    private Object releaseAccount(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        return release(request, response, Hold.ACCOUNT, account(request));
    }

    private Object holdProgram(Request request, Response response) {
        QueryParameters.only(request, Set.of("program"));
        String program = program(request);
        if (programs.get().find(program).isEmpty()) {
            throw badRequest("no program '" + printable(program) + "' in programs.yaml");
        }
        return hold(request, response, Hold.PROGRAM, program);
    }

    private Object releaseProgram(Request request, Response response) {
        QueryParameters.only(request, Set.of("program"));
        return release(request, response, Hold.PROGRAM, program(request));
    }

    private Object hold(Request request, Response response, String kind, String name) {
        String actor = AdminActor.of(request);
        audited(request, AuditAction.RECORD_HOLD_CHANGED, kind + ":" + name, "placed", "");
        boolean placed = answer("placing a hold", () -> store.placeHold(kind, name, actor));
        return holdJson(response, kind, name, true, placed);
    }

    private Object release(Request request, Response response, String kind, String name) {
        audited(request, AuditAction.RECORD_HOLD_CHANGED, kind + ":" + name, "released", "");
        boolean released = answer("releasing a hold", () -> store.releaseHold(kind, name));
        if (!released) {
            throw error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, "no hold on " + kind + " " + printable(name));
        }
        return holdJson(response, kind, name, false, true);
    }

    private Object holds(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        List<Hold> holds = answer("listing holds", store::holds);
        ArrayNode list = JSON.createArrayNode();
        holds.forEach(hold -> list.addObject().put("kind", hold.kind()).put("name", hold.name())
            .put("placed", hold.placed().toString()).put("placedBy", hold.placedBy()));
        response.type("application/json");
        return list.toString();
    }

    private static Object holdJson(Response response, String kind, String name, boolean held, boolean changed) {
        ObjectNode json = JSON.createObjectNode();
        json.put(kind, name);
        json.put("held", held);
        json.put("changed", changed);
        response.type("application/json");
        return json.toString();
    }

    static ObjectNode json(MessageRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", record.id());
        json.put("date", record.date().toString());
        json.put("direction", record.direction().word());
        json.put("size", record.size());
        json.put("messageId", record.messageId());
        json.put("sender", record.sender());
        json.put("recipient", record.recipient());
        json.put("program", record.program());
        json.put("held", record.held());
        return json;
    }

    private InputStream message(String id) throws IOException {
        try {
            return store.content(id).orElseThrow(() -> new IOException("record " + id + " no longer exists"));
        } catch (RecordException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String account(Request request) {
        String address = request.params("address");
        if (address == null || address.isBlank() || address.length() > 320 || !address.contains("@")) {
            throw badRequest("the account must be a secure inbox address such as jane.doe@gateway.example");
        }
        return address;
    }

    private static String program(Request request) {
        String program = request.queryParams("program");
        if (program == null || program.isBlank()) {
            throw badRequest("'program' is required: a program id of programs.yaml (percent-encode '&' and '/': LB%26I, TE%2FGE)");
        }
        return program;
    }

    private void audited(Request request, AuditAction action, String objectId, String outcome, String detail) {
        try {
            audit.record(AdminActor.of(request), action, objectId, outcome, detail);
        } catch (AuditException e) {
            LOGGER.error("records: audit entry {} {} could not be recorded: {}", action, objectId, e.getMessage());
            throw error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR,
                "the audit entry could not be recorded; nothing was shown or changed");
        }
    }

    /** A storage action of a route; a failure is a 500 that points to the log, which names it. */
    private interface Action<T> {
        T run() throws RecordException, SQLException;
    }

    private static <T> T answer(String what, Action<T> action) {
        try {
            return action.run();
        } catch (RecordException | SQLException e) {
            LOGGER.error("{} failed: {}", what, e.getMessage());
            throw error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR, what + " failed; see the gateway log");
        }
    }

    private static void ordered(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw badRequest("'from' must be before 'to'");
        }
    }

    private static RuntimeException notFound(String id) {
        return error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, "no record " + printable(id));
    }
}
