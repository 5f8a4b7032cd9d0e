package org.smg.gateway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** Calls a test gateway's WebAdmin (loopback) with the admin token from its secrets directory. */
final class WebAdmin {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private WebAdmin() {
    }

    static HttpResponse<String> call(GatewayProcess gateway, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        return callWithToken(gateway, hostToken(gateway), method, path, jsonBody);
    }

    /** The host token of the gateway's secrets/webadmin.token. */
    static String hostToken(GatewayProcess gateway) throws IOException {
        return Files.readString(gateway.secretsDirectory().resolve("webadmin.token")).strip();
    }

    /** Calls WebAdmin with a given token, e.g. a named administrator's. */
    static HttpResponse<String> callWithToken(GatewayProcess gateway, String token, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        return CLIENT.send(request(gateway, token, method, path, jsonBody).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls WebAdmin with the host token and one more header. */
    static HttpResponse<String> callWithHeader(GatewayProcess gateway, String method, String path, String jsonBody, String header, String value)
            throws IOException, InterruptedException {
        return CLIENT.send(request(gateway, hostToken(gateway), method, path, jsonBody).header(header, value).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(GatewayProcess gateway, String token, String method, String path, String jsonBody) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.webAdminPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    /** Number of mails in a queue, e.g. "spool", as WebAdmin reports it. */
    static long queueSize(GatewayProcess gateway, String queue) throws IOException, InterruptedException {
        HttpResponse<String> response = call(gateway, "GET", "/mailQueues/" + queue, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("queue " + queue + " answered " + response.statusCode() + ": " + response.body());
        }
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("\"size\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (!size.find()) {
            throw new IllegalStateException("no size in " + response.body());
        }
        return Long.parseLong(size.group(1));
    }
}
