package org.smg.gateway.webadmin;

import static spark.Spark.halt;

import java.util.Optional;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.Secret;

import spark.Request;
import spark.Response;

/**
 * WebAdmin authentication: every request carries {@code Authorization: Bearer <admin token>},
 * the token generated on first start into the secrets directory (mode 0600). Compared in
 * constant time; failures answer 401 and are logged without the presented value.
 */
public final class AdminTokenFilter implements AuthenticationFilter {
    private static final Logger LOGGER = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final Secret token;

    public AdminTokenFilter(Secret token) {
        this.token = token;
    }

    @Override
    public void handle(Request request, Response response) {
        Optional<String> presented = Optional.ofNullable(request.headers("Authorization"))
            .filter(value -> value.startsWith(PREFIX))
            .map(value -> value.substring(PREFIX.length()).strip());
        if (presented.isEmpty()) {
            response.header("WWW-Authenticate", "Bearer realm=\"smg-webadmin\"");
            throw halt(HttpStatus.UNAUTHORIZED_401, "{\"statusCode\":401,\"type\":\"InvalidAuthentication\","
                + "\"message\":\"Missing 'Authorization: Bearer <admin token>' header\"}");
        }
        if (!token.matches(presented.get())) {
            LOGGER.warn("WebAdmin request with a wrong admin token from {}", request.ip());
            throw halt(HttpStatus.UNAUTHORIZED_401, "{\"statusCode\":401,\"type\":\"InvalidAuthentication\","
                + "\"message\":\"Wrong admin token\"}");
        }
        request.attribute(LOGIN, "admin");
    }
}
