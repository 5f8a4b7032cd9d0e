package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /policies/reload} on a running gateway: a bad edit is refused with file, line and
 * field while the policies in force stay; a valid edit (a new terms version) takes effect at once,
 * so the demo citizen, who accepted version 1, is refused at the next IMAP login.
 */
class PolicyReloadIntegrationTest {
    @RegisterExtension
    static final GatewayProcess GATEWAY = GatewayProcess.perTestClass();

    @Test
    void reloadShouldRefuseABadFileAndApplyANewTermsVersionThatGatesTheNextLogin() throws Exception {
        Path programs = GATEWAY.root().resolve("conf/policies/programs.yaml");
        String shipped = Files.readString(programs);

        Files.writeString(programs, shipped.replaceFirst("invitationLifetime: 30d", "invitationLifetime: forever"));
        HttpResponse<String> refused = WebAdmin.call(GATEWAY, "POST", "/policies/reload", null);
        List<String> stillAllowed = login("a1");
        Files.writeString(programs, shipped.replaceFirst("version: \"1\"", "version: \"2\""));
        HttpResponse<String> applied = WebAdmin.call(GATEWAY, "POST", "/policies/reload", null);
        List<String> gated = login("a2");
        HttpResponse<String> audit = WebAdmin.call(GATEWAY, "GET", "/audit", null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"applied\":false", "programs.yaml\",\"line\":", "\"field\":\"programs[1].invitationLifetime\"")
            .containsPattern("\"line\":[1-9]");
        assertThat(stillAllowed).last().asString().startsWith("a1 OK");
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).isEqualTo("{\"applied\":true}");
        assertThat(gated).last().asString().startsWith("a2 NO [AUTHORIZATIONFAILED] Accept the current Terms of Service at https://");
        assertThat(audit.body()).contains("\"action\":\"ADMIN_ACTION\",\"objectId\":\"policies\",\"outcome\":\"refused\"",
            "\"action\":\"ADMIN_ACTION\",\"objectId\":\"policies\",\"outcome\":\"reloaded\"");
    }

    private static List<String> login(String tag) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(GATEWAY.imapsPort())) {
            return imap.command(tag, "LOGIN \"" + GATEWAY.demoAddress() + "\" \"" + GATEWAY.demoPassword() + "\"");
        }
    }
}
