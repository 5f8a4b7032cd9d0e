package org.smg.gateway.admin;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.audit.AuditTrail;

/** James-shaped error answers (status, type, message) for every WebAdmin route of ours, and the safe echo of client input in them. */
public final class AdminErrors {
    private static final int ECHO_LIMIT = 64;

    private AdminErrors() {
    }

    public static RuntimeException badRequest(String message) {
        return error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, message);
    }

    public static RuntimeException error(int status, ErrorResponder.ErrorType type, String message) {
        return ErrorResponder.builder().statusCode(status).type(type).message(message).haltError();
    }

    /** Echoes at most a short, printable form of what the client sent. */
    public static String printable(String value) {
        String safe = AuditTrail.fromClient(value);
        return safe.length() <= ECHO_LIMIT ? safe : safe.substring(0, ECHO_LIMIT) + "...";
    }
}
