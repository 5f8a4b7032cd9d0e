package org.smg.gateway.admin;

import org.apache.james.webadmin.authentication.AuthenticationFilter;

import spark.Request;

/** The audit actor of a WebAdmin request, as the authentication filter recorded it (e.g. {@code admin:alice}). */
public final class AdminActor {
    private AdminActor() {
    }

    public static String of(Request request) {
        Object login = request.attribute(AuthenticationFilter.LOGIN);
        if (login == null) {
            throw new IllegalStateException("WebAdmin request without an authenticated administrator");
        }
        return login.toString();
    }
}
