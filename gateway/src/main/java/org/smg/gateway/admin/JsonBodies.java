package org.smg.gateway.admin;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;

/** Reads a WebAdmin request's JSON object strictly: unknown fields, wrong types and bad JSON are a 400 that says which. */
final class JsonBodies {
    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;

    private JsonBodies(JsonNode body) {
        this.body = body;
    }

    static JsonBodies parse(Request request, Set<String> allowed) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw AdminErrors.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw AdminErrors.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw AdminErrors.badRequest("unknown field '" + AdminErrors.printable(name) + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new JsonBodies(body);
    }

    Optional<String> text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw AdminErrors.badRequest("'" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }
}
