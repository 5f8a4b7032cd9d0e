package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.audit.AuditTrail;
import org.smg.mailets.audit.AuditAction;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.ReloadOutcome;
import org.smg.policies.settings.SettingsError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code POST /policies/reload}: reads conf/policies again. Valid files are swapped in whole
 * (200 {@code {"applied":true}}); invalid ones are refused and the policies in force stay (422
 * {@code {"applied":false,"errors":[{"file","line","field","message"}]}}). Audited either way.
 */
public final class PolicyRoutes implements Routes {
    static final String BASE_PATH = "/policies";

    private final PolicyHolder policies;
    private final AuditTrail audit;

    @Inject
    public PolicyRoutes(PolicyHolder policies, AuditTrail audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH + "/reload", this::reload);
    }

    private Object reload(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        ReloadOutcome outcome = policies.reload();
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        boolean applied = outcome instanceof ReloadOutcome.Applied;
        json.put("applied", applied);
        if (outcome instanceof ReloadOutcome.Refused refused) {
            ArrayNode errors = json.putArray("errors");
            for (SettingsError error : refused.errors()) {
                ObjectNode entry = errors.addObject();
                entry.put("file", error.file());
                entry.put("line", error.line());
                entry.put("field", error.key());
                entry.put("message", error.message());
            }
        }
        RouteErrors.answer("recording the policy reload", () -> audit.record(AdminActor.of(request), AuditAction.ADMIN_ACTION, "policies",
            applied ? "reloaded" : "refused", "POST " + BASE_PATH + "/reload"));
        response.status(applied ? HttpStatus.OK_200 : HttpStatus.UNPROCESSABLE_ENTITY_422);
        response.type("application/json");
        return json.toString();
    }
}
