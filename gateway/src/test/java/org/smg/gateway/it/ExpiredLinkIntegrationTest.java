package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An invitation whose lifetime has passed: its link shows the "expired" page (410) and WebAdmin
 * lists it as expired. Lifetimes are days long, so the test moves the stored expiry into the past
 * while the gateway is stopped, as time would.
 */
class ExpiredLinkIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void registrationLinkShouldShowTheExpiredPageWhenItsLifetimeHasPassed() throws Exception {
        HttpResponse<String> created = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"late-" + UUID.randomUUID() + "@example.net\",\"name\":\"Lee Late\"}");
        JsonNode invitation = JSON.readTree(created.body());
        String path = Browser.pathOf(invitation.path("link").asText());
        expireWhileStopped(invitation.path("id").asText());

        HttpResponse<String> page = new Browser(gateway).get(path);
        HttpResponse<String> expired = WebAdmin.call(gateway, "GET", "/invitations?state=expired", null);
        HttpResponse<String> pending = WebAdmin.call(gateway, "GET", "/invitations?state=pending", null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(Browser.text(page)).contains("This link has expired. Ask the office that wrote to you for a new one.");
        assertThat(expired.body()).contains("\"id\":\"" + invitation.path("id").asText() + "\"");
        assertThat(pending.body()).doesNotContain(invitation.path("id").asText());
    }

    private static void expireWhileStopped(String id) throws Exception {
        gateway.stop();
        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(gateway.dataDirectory().resolve("db"),
                 SecretFiles.read(gateway.secretsDirectory().resolve("storage.secret")));
             Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE SMG_LINKS SET EXPIRES_MS = ? WHERE ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1_000);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } finally {
            gateway.start();
        }
    }
}
