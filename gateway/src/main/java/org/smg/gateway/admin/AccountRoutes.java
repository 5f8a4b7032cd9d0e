package org.smg.gateway.admin;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.IssuedLink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Accounts over WebAdmin (a contract scripts rely on):
 * <ul>
 * <li>{@code GET /accounts[?state=invited|active|suspended|opted-out]}: a JSON list; each entry has
 *     {@code address, email, name, state, programs, termsAccepted, termsAcceptedAt, created} and, for a business, {@code ein, entityName};</li>
 * <li>{@code GET /accounts/{address}}: one entry;</li>
 * <li>{@code POST /accounts/{address}/suspend}, {@code .../reactivate}, {@code .../opt-out}: the account after the change;</li>
 * <li>{@code POST /accounts/{address}/password-reset}: 201 {@code {"id","link","expires"}}, a single-use reset link.</li>
 * </ul>
 */
public final class AccountRoutes implements Routes {
    static final String BASE_PATH = "/accounts";

    /** A state change an administrator asks for. */
    private interface Change {
        Account apply(Enrollment enrollment, String address, String actor) throws Exception;
    }

    private final Enrollment enrollment;

    @Inject
    public AccountRoutes(Enrollment enrollment) {
        this.enrollment = enrollment;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list);
        service.get(BASE_PATH + "/:address", this::show);
        service.post(BASE_PATH + "/:address/suspend", (request, response) -> change(request, response, "suspending", Enrollment::suspend));
        service.post(BASE_PATH + "/:address/reactivate", (request, response) -> change(request, response, "reactivating", Enrollment::reactivate));
        service.post(BASE_PATH + "/:address/opt-out", (request, response) -> change(request, response, "opting out", Enrollment::optOut));
        service.post(BASE_PATH + "/:address/password-reset", this::passwordReset);
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of("state"));
        Optional<AccountState> state = QueryParameters.state(request, AccountState::fromWord, "invited, active, suspended, opted-out");
        ArrayNode list = JsonBodies.JSON.createArrayNode();
        RouteErrors.answer("listing accounts", () -> enrollment.accounts(state)).forEach(account -> list.add(EnrollmentJson.account(account)));
        response.type("application/json");
        return list.toString();
    }

    private Object show(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        Account account = RouteErrors.answer("reading an account", () -> enrollment.account(request.params("address")));
        response.type("application/json");
        return EnrollmentJson.account(account).toString();
    }

    private Object change(Request request, Response response, String what, Change change) {
        QueryParameters.only(request, Set.of());
        Account account = RouteErrors.answer(what + " an account",
            () -> change.apply(enrollment, request.params("address"), AdminActor.of(request)));
        response.type("application/json");
        return EnrollmentJson.account(account).toString();
    }

    private Object passwordReset(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        IssuedLink issued = RouteErrors.answer("issuing a password reset link",
            () -> enrollment.issuePasswordReset(request.params("address"), AdminActor.of(request)));
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("id", issued.invitation().id());
        json.put("link", issued.link());
        json.put("expires", issued.invitation().expires().toString());
        response.status(HttpStatus.CREATED_201);
        response.type("application/json");
        return json.toString();
    }
}
