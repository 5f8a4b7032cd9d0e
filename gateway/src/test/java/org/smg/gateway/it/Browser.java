package org.smg.gateway.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for the citizen web server, over real HTTPS: keeps the cookies the server
 * sets (its own small jar, so each instance is one browser), never follows redirects by itself,
 * and fills in the CSRF hidden field of the last page it read. Test code only.
 */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient client = HttpClient.newBuilder()
        .sslContext(TrustAll.sslContext())
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastBody = "";

    Browser(GatewayProcess gateway) {
        this.base = "https://localhost:" + gateway.webPort();
    }

    /** The path of an absolute link the gateway issued (its host is the configured public name). */
    static String pathOf(String link) {
        return URI.create(link).getRawPath();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /**
     * Posts the fields as a web form, as a browser submits the form of the last page read whose
     * action is {@code path}: with its hidden fields (the CSRF token among them).
     */
    HttpResponse<String> submit(String path, String... namesAndValues) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf());
        fields.putAll(hiddenFields(path));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return post(path, fields);
    }

    /** Posts exactly these fields (no CSRF token added). */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts a {@code multipart/form-data} form to {@code path} as a browser submits the last page's form whose action is
     * {@code formAction} (its hidden fields first, the CSRF token leading, as the page lists them), then the fields,
     * then each file under the field name {@code fileField}.
     */
    HttpResponse<String> submitMultipart(String formAction, String path, Map<String, String> fields, String fileField,
                                         Map<String, byte[]> files) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf", csrf());
        all.putAll(hiddenFields(formAction));
        all.putAll(fields);
        return postMultipart(path, all, fileField, files);
    }

    /** Posts exactly these fields and files as {@code multipart/form-data} (no CSRF token added). */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, Map<String, byte[]> files)
            throws IOException, InterruptedException {
        String boundary = "----smgtest" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Sends a request with extra headers and a raw body. */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).method(method, body);
        headers.forEach(builder::header);
        return send(builder.build());
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return send(request(path).method(method, body).build());
    }

    /** Sends a body of the given content type (chunked when the publisher's length is unknown). */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).method(method, body).build());
    }

    /** The hidden fields of the last page's form posting to {@code action}, values unescaped. */
    private Map<String, String> hiddenFields(String action) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(lastBody);
        if (form.find()) {
            Matcher input = HIDDEN.matcher(form.group(1));
            while (input.find()) {
                hidden.put(input.group(1), unescape(input.group(2)));
            }
        }
        return hidden;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
            .replace("&amp;", "&");
    }

    /** The CSRF token of the last page read; fails when it had none. */
    String csrf() {
        Matcher matcher = CSRF.matcher(lastBody);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF field in the last page:\n" + lastBody);
        }
        return matcher.group(1);
    }

    void forgetCookies() {
        cookies.clear();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        lastBody = response.body();
        return response;
    }

    /** The page's text with the few entities the templates produce turned back into characters. */
    static String text(HttpResponse<String> response) {
        return response.body().replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"")
            .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The value of a cookie this browser holds, or null. */
    String cookie(String name) {
        return cookies.get(name);
    }

    /** Puts a cookie back, as a thief replaying a copied value would. */
    void cookie(String name, String value) {
        cookies.put(name, value);
    }

    List<String> cookieNames() {
        return List.copyOf(cookies.keySet());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
