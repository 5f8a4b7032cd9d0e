package org.smg.gateway.admin;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.InvitationRequest;
import org.smg.gateway.enrollment.InvitationState;
import org.smg.gateway.enrollment.IssuedLink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Invitations over WebAdmin (a contract scripts rely on):
 * <ul>
 * <li>{@code POST /invitations} {@code {"program","email","name"[,"ein","entityName"]}}: 201 {@code {"id","link","expires","address"}};</li>
 * <li>{@code GET /invitations[?state=pending|used|revoked|expired|locked]}: a JSON list, newest first;</li>
 * <li>{@code DELETE /invitations/{id}}: revokes a pending invitation, 204.</li>
 * </ul>
 */
public final class InvitationRoutes implements Routes {
    static final String BASE_PATH = "/invitations";
    private static final Set<String> FIELDS = Set.of("program", "email", "name", "ein", "entityName");

    private final Enrollment enrollment;

    @Inject
    public InvitationRoutes(Enrollment enrollment) {
        this.enrollment = enrollment;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, this::create);
        service.get(BASE_PATH, this::list);
        service.delete(BASE_PATH + "/:id", this::revoke);
    }

    private Object create(Request request, Response response) {
        JsonBodies body = JsonBodies.parse(request, FIELDS);
        InvitationRequest invitation = new InvitationRequest(body.text("program").orElse(null), body.text("email").orElse(null),
            body.text("name").orElse(null), body.text("ein"), body.text("entityName"));
        IssuedLink issued = RouteErrors.answer("creating an invitation", () -> enrollment.invite(invitation, AdminActor.of(request)));
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("id", issued.invitation().id());
        json.put("link", issued.link());
        json.put("expires", issued.invitation().expires().toString());
        json.put("address", issued.invitation().address());
        response.status(HttpStatus.CREATED_201);
        response.type("application/json");
        return json.toString();
    }

    private Object list(Request request, Response response) {
        QueryParameters.only(request, Set.of("state"));
        Optional<InvitationState> state = QueryParameters.state(request, InvitationState::fromWord,
            "pending, used, revoked, expired, locked");
        ArrayNode list = JsonBodies.JSON.createArrayNode();
        Instant now = Instant.now();
        RouteErrors.answer("listing invitations", () -> enrollment.invitations(state))
            .forEach(invitation -> list.add(EnrollmentJson.invitation(invitation, now)));
        response.type("application/json");
        return list.toString();
    }

    private Object revoke(Request request, Response response) {
        String id = request.params("id");
        RouteErrors.answer("revoking an invitation", () -> {
            enrollment.revoke(id, AdminActor.of(request));
            return null;
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }
}
