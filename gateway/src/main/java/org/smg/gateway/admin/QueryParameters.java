package org.smg.gateway.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import spark.Request;

/** Query parameters checked strictly: an unknown parameter or value is a 400 that names it. */
public final class QueryParameters {
    private QueryParameters() {
    }

    public static void only(Request request, Set<String> allowed) {
        for (String name : request.queryParams()) {
            if (!allowed.contains(name)) {
                throw AdminErrors.badRequest("unknown parameter '" + AdminErrors.printable(name) + "'; allowed: "
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
            AdminErrors.badRequest("unknown state '" + AdminErrors.printable(value) + "'; known: " + known)));
    }

    /** A time bound such as {@code from} or {@code to}: an ISO-8601 instant, or a date meaning its start in UTC. */
    public static Optional<Instant> instant(Request request, String name) {
        String value = request.queryParams(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw AdminErrors.badRequest("'" + name + "' must be an ISO-8601 instant such as 2024-05-01T08:00:00Z or a date such as 2024-05-01");
        }
    }
}
