package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WebAdmin needs the admin token and listens on 127.0.0.1 only. The mail services of this gateway
 * listen on another loopback address, 127.0.0.2, to show that WebAdmin does not follow them.
 */
class WebAdminIntegrationTest {
    private static final String MAIL_ADDRESS = "127.0.0.2";
    private static final long HUGE_BODY = 300L * 1024 * 1024;
    private static final long OVER_CAP_BODY = 2L * 1024 * 1024;
    // Loopback socket buffers hold a few MB: a server that reads nothing lets the client write little more.
    private static final long UNREAD = 32L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().with("gateway.bindAddress", MAIL_ADDRESS);

    @Test
    void domainsShouldBeRefusedWith401WhenTokenIsMissing() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(domainsOn("127.0.0.1")).GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("gateway.localhost");
    }

    @Test
    void domainsShouldBeRefusedWith401WhenTokenIsWrong() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(domainsOn("127.0.0.1"))
            .header("Authorization", "Bearer not-the-admin-token").GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("gateway.localhost");
    }

    @Test
    void domainsShouldListDefaultDomainWhenTokenIsRight() throws Exception {
        HttpRequest request = withAdminToken(HttpRequest.newBuilder(domainsOn("127.0.0.1"))).GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"gateway.localhost\"");
    }

    @Test
    void domainsShouldAnswer401BeforeReadingTheBodyWhenA300MbPostHasNoToken() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.send(gateway.webAdminPort(), "/domains", null, HUGE_BODY, false);

        assertThat(answer.status()).startsWith("HTTP/1.1 401");
        assertThat(answer.body()).contains("\"type\":\"InvalidAuthentication\"");
        assertThat(answer.answeredAfter()).isLessThan(Duration.ofSeconds(1));
        assertThat(answer.bodyBytesWrittenBeforeAnswer()).isLessThan(UNREAD);
        assertThat(answer.closedByServer()).isTrue();
        assertThat(adminGet("/domains").statusCode()).as("WebAdmin still answers").isEqualTo(200);
    }

    @Test
    void domainsShouldAnswer401BeforeReadingTheBodyWhenA300MbChunkedPostHasAWrongToken() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.send(gateway.webAdminPort(), "/domains", "Bearer not-the-admin-token", HUGE_BODY, true);

        assertThat(answer.status()).startsWith("HTTP/1.1 401");
        assertThat(answer.body()).contains("\"message\":\"Wrong admin token\"");
        assertThat(answer.answeredAfter()).isLessThan(Duration.ofSeconds(1));
        assertThat(answer.bodyBytesWrittenBeforeAnswer()).isLessThan(UNREAD);
        assertThat(answer.closedByServer()).isTrue();
    }

    @Test
    void invitationsShouldAnswer413BeforeReadingTheBodyWhenAnAuthorizedRequestDeclares300Mb() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.send(gateway.webAdminPort(), "POST", "/invitations", bearerToken(), HUGE_BODY, false);

        assertThat(answer.status()).startsWith("HTTP/1.1 413");
        assertThat(answer.body()).contains("\"statusCode\":413").contains("larger than 1048576 bytes");
        assertThat(answer.answeredAfter()).isLessThan(Duration.ofSeconds(1));
        assertThat(answer.bodyBytesWrittenBeforeAnswer()).isLessThan(UNREAD);
        assertThat(answer.closedByServer()).isTrue();
    }

    @Test
    void invitationsShouldAnswer413WhenAnAuthorizedChunkedBodyGrowsOverTheCap() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.send(gateway.webAdminPort(), "POST", "/invitations", bearerToken(), OVER_CAP_BODY, true);

        assertThat(answer.status()).startsWith("HTTP/1.1 413");
        assertThat(answer.body()).contains("larger than 1048576 bytes");
        assertThat(answer.closedByServer()).isTrue();
    }

    @Test
    void invitationsShouldBeCreatedWhenAnAuthorizedChunkedBodyIsWithinTheCap() throws Exception {
        byte[] json = "{\"program\":\"ECO\",\"email\":\"chunked@example.net\",\"name\":\"Chunked Body\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = withAdminToken(HttpRequest.newBuilder(URI.create(base("127.0.0.1") + "/invitations")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(adminGet("/invitations?state=pending").body()).contains("chunked@example.net");
    }

    @Test
    void browsersShouldNotLetOtherOriginsReadAnswersWhenAPageCallsWebAdmin() throws Exception {
        HttpRequest request = withAdminToken(HttpRequest.newBuilder(domainsOn("127.0.0.1")))
            .header("Origin", "https://attacker.example").GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
            .containsExactly("http://127.0.0.1:" + gateway.webAdminPort());
    }

    @Test
    void webAdminShouldNotAnswerWhenAddressIsTheMailServicesBindAddress() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(domainsOn(MAIL_ADDRESS)).GET().build();

        String imapGreeting;
        try (Socket imap = new Socket(MAIL_ADDRESS, gateway.imapPort())) {
            imapGreeting = new BufferedReader(new InputStreamReader(imap.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        Throwable webAdmin = catchThrowable(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(imapGreeting).as("IMAP on " + MAIL_ADDRESS).startsWith("* OK");
        assertThat(webAdmin).as("WebAdmin on " + MAIL_ADDRESS).isInstanceOf(ConnectException.class);
    }

    private static HttpRequest.Builder withAdminToken(HttpRequest.Builder request) throws IOException {
        return request.header("Authorization", bearerToken());
    }

    private static String bearerToken() throws IOException {
        return "Bearer " + Files.readString(gateway.secretsDirectory().resolve("webadmin.token")).strip();
    }

    private static HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
        return HTTP.send(withAdminToken(HttpRequest.newBuilder(URI.create(base("127.0.0.1") + path))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static URI domainsOn(String address) {
        return URI.create(base(address) + "/domains");
    }

    private static String base(String address) {
        return "http://" + address + ":" + gateway.webAdminPort();
    }
}
