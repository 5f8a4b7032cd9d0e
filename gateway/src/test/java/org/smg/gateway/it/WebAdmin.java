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

    /** Invites a person to ECO with this external email; returns the address of the invited account. */
    static String invite(GatewayProcess gateway, String email) throws IOException, InterruptedException {
        HttpResponse<String> created = call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"" + email + "\",\"name\":\"Invited Person\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("inviting " + email + " answered " + created.statusCode() + ": " + created.body());
        }
        com.fasterxml.jackson.databind.JsonNode accounts = JSON.readTree(call(gateway, "GET", "/accounts", null).body());
        for (com.fasterxml.jackson.databind.JsonNode account : accounts) {
            if (email.equals(account.path("email").asText())) {
                return account.path("address").asText();
            }
        }
        throw new IllegalStateException("no account with email " + email + " in " + accounts);
    }

    /** The mails of a repository such as "var/mail/outbound-held/": each as WebAdmin details it (name, sender, recipients, ...). */
    static java.util.List<com.fasterxml.jackson.databind.JsonNode> repositoryMails(GatewayProcess gateway, String repository)
            throws IOException, InterruptedException {
        String path = "/mailRepositories/" + java.net.URLEncoder.encode(repository, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> keys = call(gateway, "GET", path + "/mails", null);
        if (keys.statusCode() != 200) {
            throw new IllegalStateException("repository " + repository + " answered " + keys.statusCode() + ": " + keys.body());
        }
        java.util.List<com.fasterxml.jackson.databind.JsonNode> mails = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode key : JSON.readTree(keys.body())) {
            mails.add(JSON.readTree(call(gateway, "GET", path + "/mails/"
                + java.net.URLEncoder.encode(key.asText(), java.nio.charset.StandardCharsets.UTF_8), null).body()));
        }
        return mails;
    }

    /** The stored message of a repository's mail, as WebAdmin gives it for Accept: message/rfc822. */
    static String rawMail(GatewayProcess gateway, String repository, String key) throws IOException, InterruptedException {
        String token = Files.readString(gateway.secretsDirectory().resolve("webadmin.token")).strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.webAdminPort() + "/mailRepositories/"
                + java.net.URLEncoder.encode(repository, java.nio.charset.StandardCharsets.UTF_8) + "/mails/"
                + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "message/rfc822")
            .GET()
            .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("mail " + key + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
