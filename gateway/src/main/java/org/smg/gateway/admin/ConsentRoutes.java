package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.consent.Consent;
import org.smg.gateway.consent.Consents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Representatives' consents over WebAdmin (each change audited):
 * <ul>
 * <li>{@code POST /consents} {@code {"form","representative","citizen","scope","start","end"}}: 201 with the consent
 * ({@code id} first);</li>
 * <li>{@code GET /consents?account=<address>}: the consents the account gives or holds, newest first;</li>
 * <li>{@code DELETE /consents/{id}}: revokes, 204; open delegated sessions end at their next command.</li>
 * </ul>
 */
public final class ConsentRoutes implements Routes {
    static final String BASE_PATH = "/consents";
    private static final Set<String> CREATE_FIELDS = Set.of("form", "representative", "citizen", "scope", "start", "end");

    private final Consents consents;

    @Inject
    public ConsentRoutes(Consents consents) {
        this.consents = consents;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::record);
        service.get(BASE_PATH, this::list);
        service.delete(BASE_PATH + "/:id", this::revoke);
    }

    private Object record(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        JsonBodies body = JsonBodies.parse(request, CREATE_FIELDS);
        Consents.Request asked = new Consents.Request(body.text("form").orElse(null), body.text("representative").orElse(null),
            body.text("citizen").orElse(null), body.text("scope").orElse(null), body.text("start").orElse(null),
            body.text("end").orElse(null));
        Consent consent = RouteErrors.answer("recording a consent", () -> consents.record(asked, AdminActor.of(request)));
        response.status(HttpStatus.CREATED_201);
        response.type("application/json");
        return json(consent).toString();
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of("account"));
        ArrayNode list = JsonBodies.JSON.createArrayNode();
        RouteErrors.answer("listing consents", () -> consents.of(request.queryParams("account"))).forEach(consent -> list.add(json(consent)));
        response.type("application/json");
        return list.toString();
    }

    private Object revoke(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        RouteErrors.answer("revoking a consent", () -> {
            consents.revoke(request.params("id"), AdminActor.of(request));
            return null;
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static ObjectNode json(Consent consent) {
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("id", consent.id());
        json.put("form", consent.form());
        json.put("representative", consent.representative());
        json.put("citizen", consent.citizen());
        json.put("scope", consent.scope().word());
        json.put("start", consent.start().toString());
        json.put("end", consent.end().toString());
        json.put("created", consent.created().toString());
        json.put("createdBy", consent.createdBy());
        json.put("revoked", consent.revoked().map(Object::toString).orElse(null));
        json.put("revokedBy", consent.revokedBy().orElse(null));
        return json;
    }
}
