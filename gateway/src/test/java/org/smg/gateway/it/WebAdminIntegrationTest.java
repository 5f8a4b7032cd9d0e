package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
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
        return request.header("Authorization", "Bearer " + Files.readString(gateway.secretsDirectory().resolve("webadmin.token")).strip());
    }

    private static URI domainsOn(String address) {
        return URI.create("http://" + address + ":" + gateway.webAdminPort() + "/domains");
    }
}
