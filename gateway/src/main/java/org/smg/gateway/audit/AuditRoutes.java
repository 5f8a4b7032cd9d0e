package org.smg.gateway.audit;

import static org.smg.gateway.admin.AdminErrors.badRequest;
import static org.smg.gateway.admin.AdminErrors.error;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.admin.QueryParameters;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The audit trail over WebAdmin (behind the admin token like every route):
 * <ul>
 * <li>{@code GET /audit?from=&to=}: the entries appended in [from, to) as JSON Lines
 *     ({@link AuditExport}); each bound is an instant ({@code 2024-05-01T08:00:00Z}) or a UTC date
 *     ({@code 2024-05-01}, its midnight); both optional;</li>
 * <li>{@code GET /audit/verify[?head=<sequence>:<hash>]}: {@code {"valid", "firstBadSequence",
 *     "missingAfter"}} ({@link AuditVerifier}).</li>
 * </ul>
 * An unknown or malformed parameter is a 400 {@code InvalidArgument} naming it.
 */
public final class AuditRoutes implements Routes {
    static final String BASE_PATH = "/audit";
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditRoutes.class);
    private static final String JSON_LINES = "application/x-ndjson; charset=utf-8";
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final AuditVerifier verifier;
    private final AuditExport export;

    @Inject
    AuditRoutes(AuditVerifier verifier, AuditExport export) {
        this.verifier = verifier;
        this.export = export;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::export);
        service.get(BASE_PATH + "/verify", this::verify);
    }

    private Object export(Request request, Response response) throws IOException {
        QueryParameters.only(request, Set.of("from", "to"));
        Instant from = QueryParameters.instant(request, "from").orElse(EARLIEST);
        Instant to = QueryParameters.instant(request, "to").orElse(LATEST);
        if (!from.isBefore(to)) {
            throw badRequest("'from' must be before 'to'");
        }
        response.status(HttpStatus.OK_200);
        response.type(JSON_LINES);
        try {
            export.write(from, to, response.raw().getOutputStream());
        } catch (SQLException e) {
            throw serverError("reading the audit trail failed", e);
        }
        return "";
    }

    private Object verify(Request request, Response response) {
        QueryParameters.only(request, Set.of("head"));
        Optional<AuditHead> anchor;
        try {
            anchor = Optional.ofNullable(request.queryParams("head")).map(AuditHead::parse);
        } catch (IllegalArgumentException e) {
            throw badRequest("'head': " + e.getMessage());
        }
        try {
            AuditVerification result = verifier.verify(anchor);
            response.status(HttpStatus.OK_200);
            response.type("application/json");
            return result.toJson();
        } catch (SQLException e) {
            throw serverError("reading the audit trail failed", e);
        }
    }

    private static RuntimeException serverError(String message, SQLException cause) {
        LOGGER.error("{}: {}", message, cause.getMessage());
        return error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR, message);
    }
}
