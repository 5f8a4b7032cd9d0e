package org.smg.gateway.admin;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.EnrollmentException;

/** Turns what the enrollment rules throw into James-shaped error answers (status, type, message). */
final class RouteErrors {
    private static final Logger LOGGER = LoggerFactory.getLogger(RouteErrors.class);

    /** An action of a route that may be refused by the rules or fail on the database or the audit trail. */
    interface Action<T> {
        T run() throws Exception;
    }

    private RouteErrors() {
    }

    static <T> T answer(String what, Action<T> action) {
        try {
            return action.run();
        } catch (EnrollmentException e) {
            throw switch (e.kind()) {
                case INVALID -> AdminErrors.badRequest(e.getMessage());
                case NOT_FOUND -> AdminErrors.error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, e.getMessage());
                case CONFLICT -> AdminErrors.error(HttpStatus.CONFLICT_409, ErrorResponder.ErrorType.WRONG_STATE, e.getMessage());
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            LOGGER.error("{} failed: {}", what, e.toString());
            throw AdminErrors.error(HttpStatus.INTERNAL_SERVER_ERROR_500, ErrorResponder.ErrorType.SERVER_ERROR, what + " failed; see the gateway log");
        }
    }
}
