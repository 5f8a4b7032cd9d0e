package org.smg.gateway.admin;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.smg.gateway.audit.AuditTrail;

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
            throw badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw badRequest("the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw badRequest("unknown field '" + printable(name) + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
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
            throw badRequest("'" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    static RuntimeException badRequest(String message) {
        return error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, message);
    }

    static RuntimeException error(int status, ErrorResponder.ErrorType type, String message) {
        return ErrorResponder.builder().statusCode(status).type(type).message(message).haltError();
    }

    static String printable(String value) {
        String safe = AuditTrail.fromClient(value);
        return safe.length() <= 64 ? safe : safe.substring(0, 64) + "...";
    }
}
