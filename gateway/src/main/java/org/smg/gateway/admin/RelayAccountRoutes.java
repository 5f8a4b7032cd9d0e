package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.relay.RelayAccountStore.RelayAccount;
import org.smg.gateway.relay.RelayAccounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Relay accounts of staff MTAs over WebAdmin (each change audited; passwords never shown):
 * <ul>
 * <li>{@code GET /relay-accounts}: a JSON list of {@code name, created, createdBy};</li>
 * <li>{@code POST /relay-accounts} {@code {"name","password"}}: 201 with the account;</li>
 * <li>{@code POST /relay-accounts/{name}/password} {@code {"password"}}: 204;</li>
 * <li>{@code DELETE /relay-accounts/{name}}: 204.</li>
 * </ul>
 */
public final class RelayAccountRoutes implements Routes {
    static final String BASE_PATH = "/relay-accounts";
    private static final Set<String> CREATE_FIELDS = Set.of("name", "password");
    private static final Set<String> PASSWORD_FIELDS = Set.of("password");

    private final RelayAccounts accounts;

    @Inject
    public RelayAccountRoutes(RelayAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list);
        service.post(BASE_PATH, this::create);
        service.post(BASE_PATH + "/:name/password", this::changePassword);
        service.delete(BASE_PATH + "/:name", this::delete);
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        ArrayNode list = JsonBodies.JSON.createArrayNode();
        RouteErrors.answer("listing relay accounts", accounts::list).forEach(account -> list.add(json(account)));
        response.type("application/json");
        return list.toString();
    }

    private Object create(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        JsonBodies body = JsonBodies.parse(request, CREATE_FIELDS);
        RelayAccount account = RouteErrors.answer("creating a relay account",
            () -> accounts.create(body.text("name").orElse(null), body.text("password").orElse(null), AdminActor.of(request)));
        response.status(HttpStatus.CREATED_201);
        response.type("application/json");
        return json(account).toString();
    }

    private Object changePassword(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        JsonBodies body = JsonBodies.parse(request, PASSWORD_FIELDS);
        RouteErrors.answer("changing a relay account's password", () -> {
            accounts.changePassword(request.params("name"), body.text("password").orElse(null), AdminActor.of(request));
            return null;
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Object delete(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        RouteErrors.answer("deleting a relay account", () -> {
            accounts.delete(request.params("name"), AdminActor.of(request));
            return null;
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static ObjectNode json(RelayAccount account) {
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("name", account.name());
        json.put("created", account.created().toString());
        json.put("createdBy", account.createdBy());
        return json;
    }
}
