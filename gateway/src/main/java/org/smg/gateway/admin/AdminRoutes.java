package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.webadmin.AdminCredentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;
import spark.Spark;

/**
 * Named administrators over WebAdmin, for the host token only (a named administrator cannot make
 * another one: 403):
 * <ul>
 * <li>{@code POST /admins} {@code {"name":"alice"}}: 201 {@code {"name","token","created"}}; the token is shown this once;</li>
 * <li>{@code GET /admins}: a JSON list of {@code {"name","created","createdBy","revoked"}} (revoked: a time or null);</li>
 * <li>{@code DELETE /admins/{name}}: revokes, 204; the token is refused from the next request on.</li>
 * </ul>
 */
public final class AdminRoutes implements Routes {
    static final String BASE_PATH = "/admins";

    private final NamedAdmins admins;

    @Inject
    AdminRoutes(NamedAdmins admins) {
        this.admins = admins;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::create);
        service.get(BASE_PATH, this::list);
        service.delete(BASE_PATH + "/:name", this::revoke);
    }

    private Object create(Request request, Response response) {
        String actor = hostOnly(request, response);
        JsonBodies body = JsonBodies.parse(request, Set.of("name"));
        String name = body.text("name").orElseThrow(() -> AdminErrors.badRequest("'name' is required"));
        NamedAdmins.Created created = RouteErrors.answer("creating an administrator", () -> admins.create(name, actor));
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("name", created.name());
        json.put("token", created.token());
        json.put("created", created.created().toString());
        response.status(HttpStatus.CREATED_201);
        response.type("application/json");
        return json.toString();
    }

    private Object list(Request request, Response response) {
        hostOnly(request, response);
        QueryParameters.only(request, Set.of());
        ArrayNode list = JsonBodies.JSON.createArrayNode();
        RouteErrors.answer("listing administrators", admins::list).forEach(row -> {
            ObjectNode json = list.addObject();
            json.put("name", row.name());
            json.put("created", row.created().toString());
            json.put("createdBy", row.createdBy());
            json.put("revoked", row.revoked().map(Object::toString).orElse(null));
        });
        response.type("application/json");
        return list.toString();
    }

    private Object revoke(Request request, Response response) {
        String actor = hostOnly(request, response);
        QueryParameters.only(request, Set.of());
        RouteErrors.answer("revoking an administrator", () -> {
            admins.revoke(request.params("name"), actor);
            return null;
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    /** Administrators are managed from the host, with the token of secrets/webadmin.token. */
    private static String hostOnly(Request request, Response response) {
        String actor = AdminActor.of(request);
        if (!actor.equals(AdminCredentials.HOST_ACTOR)) {
            ObjectNode json = JsonBodies.JSON.createObjectNode();
            json.put("statusCode", HttpStatus.FORBIDDEN_403);
            json.put("type", ErrorResponder.ErrorType.INVALID_ARGUMENT.getType());
            json.put("message", "Administrators are managed only with the host token of secrets/webadmin.token (bin/smg admins, on the host)");
            response.type("application/json");
            throw Spark.halt(HttpStatus.FORBIDDEN_403, json.toString());
        }
        return actor;
    }
}
