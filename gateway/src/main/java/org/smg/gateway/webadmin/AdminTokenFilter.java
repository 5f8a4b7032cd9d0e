package org.smg.gateway.webadmin;

import static spark.Spark.halt;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.secrets.Secret;

import spark.Request;
import spark.Response;

/**
 * WebAdmin authentication as James asks for it: every request carries
 * {@code Authorization: Bearer <admin token>}, the token generated on first start into the secrets
 * directory (mode 0600). {@link AdminRequestGate} already refused requests without it before any
 * body byte was read; this filter keeps James's own check in place and marks the request as the
 * admin's.
 */
public final class AdminTokenFilter implements AuthenticationFilter {
    private final AdminCredentials credentials;

    public AdminTokenFilter(Secret token) {
        this.credentials = new AdminCredentials(token);
    }

    @Override
    public void handle(Request request, Response response) {
        AdminCredentials.Verdict verdict = credentials.check(request.headers("Authorization"));
        if (verdict != AdminCredentials.Verdict.ACCEPTED) {
            response.header("WWW-Authenticate", AdminCredentials.CHALLENGE);
            throw halt(HttpStatus.UNAUTHORIZED_401, verdict.refusalJson());
        }
        request.attribute(LOGIN, "admin");
    }
}
