package org.smg.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the gateway's WebAdmin on loopback with {@code Authorization: Bearer <token>}. */
final class WebAdminClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** WebAdmin refused the request: its status and the message of its James-shaped error body. */
    static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    WebAdminClient(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    URI base() {
        return base;
    }

    /** Sends a request and returns the body of a 2xx answer; anything else is {@link Refused}. */
    String send(String method, String path, String jsonBody) throws IOException, InterruptedException, Refused {
        HttpResponse<String> response = http.send(request(method, path, jsonBody), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw refused(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** Sends a GET and copies a 2xx body to {@code out} as it arrives (an audit export can be long). */
    void copy(String path, OutputStream out) throws IOException, InterruptedException, Refused {
        HttpResponse<InputStream> response = http.send(request("GET", path, null), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw refused(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            body.transferTo(out);
            out.flush();
        }
    }

    private HttpRequest request(String method, String path, String jsonBody) {
        return HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
            .build();
    }

    static Refused refused(int status, String body) {
        String message;
        try {
            JsonNode error = JSON.readTree(body);
            message = error != null && error.hasNonNull("message") ? error.get("message").asText() : body;
        } catch (IOException e) {
            message = body;
        }
        if (message == null || message.isBlank()) {
            message = "WebAdmin answered HTTP " + status;
        }
        return new Refused(status, Tables.printable(message));
    }

    /** A path segment with everything but unreserved characters and '@' percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    /** {@code ?a=1&b=2} from the given parameters (in order), or "" when there are none. */
    static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&", "?", ""));
    }
}
