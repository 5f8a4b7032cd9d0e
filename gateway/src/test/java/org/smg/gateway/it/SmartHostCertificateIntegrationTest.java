package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A smart host whose certificate does not name the configured host (issued for localhost, reached
 * as 127.0.0.1) receives nothing: the mail is held in outbound-tls-held and the log says why; once the
 * host name is corrected, the administrator releases it through the whole pipeline and it arrives.
 */
class SmartHostCertificateIntegrationTest {
    private static final String TLS_HELD = "var/mail/outbound-tls-held";

    @RegisterExtension
    static final SmartHostFixture smartHost = SmartHostFixture.perTestClass();

    @RegisterExtension
    static final GatewayProcess gateway = smartHost.gateway("127.0.0.1");

    @Test
    void mailShouldBeHeldWithReasonWhenSmartHostCertificateDoesNotNameTheHost() throws Exception {
        String email = "jane-" + UUID.randomUUID() + "@example.net";

        WebAdmin.invite(gateway, email);

        // GreenMail's connection thread fails when the gateway aborts the handshake; that is the point here.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(WebAdmin.repositoryMails(gateway, TLS_HELD))
                .anyMatch(mail -> mail.path("recipients").toString().contains(email)));
        assertThat(gateway.output()).contains("held: tls-failed with smart host 127.0.0.1:" + smartHost.port())
            .contains("No subject alternative names matching IP address 127.0.0.1");

        // The administrator corrects the host name, restarts and releases the held mail through the whole pipeline.
        gateway.stop();
        gateway.with("outbound.smarthost", "localhost:" + smartHost.port()).start();
        String repository = "/mailRepositories/" + java.net.URLEncoder.encode(TLS_HELD, java.nio.charset.StandardCharsets.UTF_8) + "/mails";
        int sameState = WebAdmin.call(gateway, "PATCH", repository + "?action=reprocess", null).statusCode();
        int released = WebAdmin.call(gateway, "PATCH", repository + "?action=reprocess&processor=root", null).statusCode();

        assertThat(sameState).isEqualTo(403);
        assertThat(released).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(java.util.Arrays.stream(smartHost.received()).map(SmartHostFixture::recipients))
                .anyMatch(to -> to.contains(email)));
        assertThat(WebAdmin.repositoryMails(gateway, TLS_HELD)).noneMatch(mail -> mail.path("recipients").toString().contains(email));
    }

}
