package org.smg.gateway.webadmin;

import static spark.Spark.halt;

import javax.inject.Inject;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;

/**
 * WebAdmin authentication as James asks for it: every request carries
 * {@code Authorization: Bearer <admin token>}, the host token (generated on first start into the
 * secrets directory, mode 0600) or a named administrator's. {@link AdminRequestGate} already
 * refused requests without one before any body byte was read; this filter keeps James's own check
 * in place and records who made the request ({@code admin:host} or {@code admin:<name>}) as the
 * {@link #LOGIN} attribute that the gateway's routes write into the audit trail.
 */
public final class AdminTokenFilter implements AuthenticationFilter {
    private final AdminCredentials credentials;

    @Inject
    public AdminTokenFilter(AdminCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void handle(Request request, Response response) {
        AdminCredentials.Check check = credentials.check(request.headers("Authorization"));
        if (!check.accepted()) {
            response.header("WWW-Authenticate", AdminCredentials.CHALLENGE);
            throw halt(HttpStatus.UNAUTHORIZED_401, check.verdict().refusalJson());
        }
        request.attribute(LOGIN, check.actor().orElseThrow());
    }
}
