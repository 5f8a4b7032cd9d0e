package org.smg.gateway.admin;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import spark.Request;

/** Query parameters checked strictly: an unknown parameter or value is a 400 that names it. */
final class QueryParameters {
    private QueryParameters() {
    }

    static void only(Request request, Set<String> allowed) {
        for (String name : request.queryParams()) {
            if (!allowed.contains(name)) {
                throw JsonBodies.badRequest("unknown parameter '" + JsonBodies.printable(name) + "'; allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    static <S> Optional<S> state(Request request, Function<String, Optional<S>> parser, String known) {
        String value = request.queryParams("state");
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(parser.apply(value).orElseThrow(() ->
            JsonBodies.badRequest("unknown state '" + JsonBodies.printable(value) + "'; known: " + known)));
    }
}
