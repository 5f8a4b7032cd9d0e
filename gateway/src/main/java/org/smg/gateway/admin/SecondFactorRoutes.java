package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.secondfactor.SecondFactors;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code DELETE /accounts/{address}/second-factor}: resets a citizen's lost second factor (phone and
 * recovery codes gone). 204 whether or not one was enrolled (the audit entry says which), 404 for an
 * unknown account. The citizen then signs in with the password alone, and IMAP and SMTP take the
 * account password again; app passwords stay until revoked.
 */
public final class SecondFactorRoutes implements Routes {
    private final Enrollment enrollment;
    private final SecondFactors secondFactors;

    @Inject
    public SecondFactorRoutes(Enrollment enrollment, SecondFactors secondFactors) {
        this.enrollment = enrollment;
        this.secondFactors = secondFactors;
    }

    @Override
    public String getBasePath() {
        return AccountRoutes.BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.delete(AccountRoutes.BASE_PATH + "/:address/second-factor", this::reset);
    }

    private Object reset(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        RouteErrors.answer("resetting a second factor", () -> {
            Account account = enrollment.account(request.params("address"));
            return secondFactors.reset(account.address(), AdminActor.of(request));
        });
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }
}
