package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The administrators' WebAdmin contract over HTTP: invitations, accounts, named administrators,
 * and James's own routes that would bypass enrollment, records or audit.
 */
class AdminInterfaceIntegrationTest {
    private static final String HOST_NAME = "smg.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().with("gateway.hostname", HOST_NAME);

    @Test
    void createInvitationShouldAnswer201WithIdLinkAndExpiryWhenRequestIsValid() throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/invitations", invitation(unique("jane"), "Jane Doe"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        assertThat(created.get("id").asText()).isNotBlank();
        URI link = URI.create(created.get("link").asText());
        assertThat(link.getScheme()).isEqualTo("https");
        assertThat(link.getHost()).isEqualTo(HOST_NAME);
        assertThat(link.getPort()).isEqualTo(gateway.port("web.port"));
        assertThat(Instant.parse(created.get("expires").asText())).isAfter(Instant.now());
    }

    @Test
    void createInvitationShouldAnswer400WithAClearMessageWhenInputIsWrong() throws Exception {
        assertBadRequest("{\"program\":\"NOPE\",\"email\":\"a@example.net\",\"name\":\"A\"}", "unknown program 'NOPE'");
        assertBadRequest("{\"program\":\"ECO\",\"email\":\"not-an-address\",\"name\":\"A\"}", "'email' is not an email address");
        assertBadRequest("{\"program\":\"ECO\",\"email\":\"b@example.net\",\"name\":\"B\",\"ein\":\"123456789\",\"entityName\":\"Acme\"}", "'ein'");
        assertBadRequest("{\"program\":\"ECO\",\"email\":\"c@example.net\"}", "'name' is required");
        assertBadRequest("{\"program\":\"ECO\",\"email\":\"d@example.net\",\"name\":\"D\",\"role\":\"admin\"}", "unknown field 'role'");
        assertBadRequest("not json", "not valid JSON");
    }

    @Test
    void reinvitingShouldRevokeTheEarlierTokenWhenTheSamePersonIsInvitedAgain() throws Exception {
        String email = unique("twice");
        String first = JSON.readTree(WebAdmin.call(gateway, "POST", "/invitations", invitation(email, "Twice Invited")).body()).get("id").asText();

        String second = JSON.readTree(WebAdmin.call(gateway, "POST", "/invitations", invitation(email, "Twice Invited")).body()).get("id").asText();

        assertThat(ids(WebAdmin.call(gateway, "GET", "/invitations?state=revoked", null))).contains(first).doesNotContain(second);
        assertThat(ids(WebAdmin.call(gateway, "GET", "/invitations?state=pending", null))).contains(second).doesNotContain(first);
        assertThat(WebAdmin.call(gateway, "GET", "/invitations?state=sideways", null).statusCode()).isEqualTo(400);
    }

    @Test
    void revokeInvitationShouldAnswer204ThenConflictWhenRevokedTwice() throws Exception {
        String id = JSON.readTree(WebAdmin.call(gateway, "POST", "/invitations", invitation(unique("revoke"), "Rev Oked")).body())
            .get("id").asText();

        HttpResponse<String> first = WebAdmin.call(gateway, "DELETE", "/invitations/" + id, null);
        HttpResponse<String> second = WebAdmin.call(gateway, "DELETE", "/invitations/" + id, null);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("message").asText()).contains("revoked");
        assertThat(WebAdmin.call(gateway, "DELETE", "/invitations/no-such-id", null).statusCode()).isEqualTo(404);
    }

    @Test
    void accountsShouldListAddressEmailStateAndProgramsWhenAnAccountExists() throws Exception {
        JsonNode accounts = JSON.readTree(WebAdmin.call(gateway, "GET", "/accounts", null).body());

        assertThat(accounts.isArray()).isTrue();
        assertThat(accounts).allSatisfy(account -> assertThat(account.has("address") && account.has("email") && account.has("state")
            && account.get("programs").isArray()).isTrue());
        assertThat(accounts).anySatisfy(account -> assertThat(account.get("address").asText()).isEqualTo(gateway.demoAddress()));
    }

    @Test
    void accountShouldMoveThroughSuspendReactivateResetAndOptOutWhenAnAdministratorAsks() throws Exception {
        String account = "/accounts/" + gateway.demoAddress();

        HttpResponse<String> suspended = WebAdmin.call(gateway, "POST", account + "/suspend", null);
        HttpResponse<String> suspendedTwice = WebAdmin.call(gateway, "POST", account + "/suspend", null);
        HttpResponse<String> reactivated = WebAdmin.call(gateway, "POST", account + "/reactivate", null);
        HttpResponse<String> reset = WebAdmin.call(gateway, "POST", account + "/password-reset", null);
        HttpResponse<String> optedOut = WebAdmin.call(gateway, "POST", account + "/opt-out", null);
        HttpResponse<String> reactivatedAfterOptOut = WebAdmin.call(gateway, "POST", account + "/reactivate", null);

        assertThat(JSON.readTree(suspended.body()).get("state").asText()).isEqualTo("suspended");
        assertThat(suspendedTwice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(reactivated.body()).get("state").asText()).isEqualTo("active");
        assertThat(reset.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(reset.body()).get("link").asText()).startsWith("https://" + HOST_NAME + ":" + gateway.port("web.port") + "/reset/");
        assertThat(JSON.readTree(optedOut.body()).get("state").asText()).isEqualTo("opted-out");
        assertThat(reactivatedAfterOptOut.statusCode()).isEqualTo(409);
        assertThat(WebAdmin.call(gateway, "POST", "/accounts/nobody@gateway.localhost/suspend", null).statusCode()).isEqualTo(404);
    }

    @Test
    void namedAdministratorShouldActUnderTheirNameUntilRevoked() throws Exception {
        String name = "alice" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = WebAdmin.call(gateway, "POST", "/admins", "{\"name\":\"" + name + "\"}");
        String token = JSON.readTree(created.body()).get("token").asText();

        HttpResponse<String> invited = WebAdmin.callWithToken(gateway, token, "POST", "/invitations", invitation(unique("by-alice"), "By Alice"));
        HttpResponse<String> makesAdmin = WebAdmin.callWithToken(gateway, token, "POST", "/admins", "{\"name\":\"mallory\"}");
        HttpResponse<String> revoked = WebAdmin.call(gateway, "DELETE", "/admins/" + name, null);
        HttpResponse<String> afterRevocation = WebAdmin.callWithToken(gateway, token, "GET", "/invitations", null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String invitationId = JSON.readTree(invited.body()).get("id").asText();
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).contains("\"actor\":\"admin:" + name + "\"")
            .contains("\"action\":\"INVITATION_CREATED\"").contains("\"objectId\":\"" + invitationId + "\""));
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).contains("\"actor\":\"admin:host\"")
            .contains("\"action\":\"ADMIN_TOKEN_CREATED\"").contains("\"objectId\":\"admin:" + name + "\""));
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).contains("\"action\":\"ADMIN_TOKEN_REVOKED\"")
            .contains("\"objectId\":\"admin:" + name + "\""));
        assertThat(makesAdmin.statusCode()).isEqualTo(403);
        assertThat(makesAdmin.body()).contains("\"statusCode\":403").contains("host token");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(WebAdmin.call(gateway, "POST", "/admins", "{\"name\":\"" + name + "\"}").statusCode()).as("names are not reused").isEqualTo(409);
        assertThat(WebAdmin.call(gateway, "GET", "/admins", null).body()).contains("\"name\":\"" + name + "\"").doesNotContain(token);
    }

    @Test
    void createAdminShouldAnswer400WhenTheNameIsNotAllowed() throws Exception {
        assertThat(WebAdmin.call(gateway, "POST", "/admins", "{\"name\":\"Alice Smith\"}").statusCode()).isEqualTo(400);
        assertThat(WebAdmin.call(gateway, "POST", "/admins", "{\"name\":\"host\"}").statusCode()).isEqualTo(400);
        assertThat(WebAdmin.call(gateway, "POST", "/admins", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void jamesUserRoutesShouldAnswer403AndCreateNothingWhenTheyWouldBypassInvitations() throws Exception {
        HttpResponse<String> put = WebAdmin.call(gateway, "PUT", "/users/mallory@gateway.localhost", "{\"password\":\"a-long-password-1\"}");
        HttpResponse<String> overridden = WebAdmin.callWithHeader(gateway, "POST", "/users/mallory@gateway.localhost",
            "{\"password\":\"a-long-password-1\"}", "X-HTTP-Method-Override", "PUT");
        HttpResponse<String> doubleSlash = WebAdmin.call(gateway, "PUT", "//users//mallory@gateway.localhost", "{\"password\":\"a-long-password-1\"}");

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(put.body()).get("message").asText()).contains("POST /invitations");
        assertThat(JSON.readTree(put.body()).get("statusCode").asInt()).isEqualTo(403);
        assertThat(overridden.statusCode()).isEqualTo(403);
        assertThat(doubleSlash.statusCode()).isEqualTo(403);
        assertThat(WebAdmin.call(gateway, "HEAD", "/users/mallory@gateway.localhost", null).statusCode()).isEqualTo(404);
    }

    @Test
    void jamesRoutesShouldAnswer403AndChangeNothingWhenTheyWouldDeleteRecords() throws Exception {
        String user = "/users/" + gateway.demoAddress();
        String mailboxesBefore = WebAdmin.call(gateway, "GET", user + "/mailboxes", null).body();
        String queueBefore = WebAdmin.call(gateway, "GET", "/mailQueues/spool", null).body();

        List<Integer> statuses = List.of(
            WebAdmin.call(gateway, "DELETE", "/domains/gateway.localhost", null).statusCode(),
            WebAdmin.call(gateway, "DELETE", user, null).statusCode(),
            WebAdmin.call(gateway, "DELETE", user + "/mailboxes", null).statusCode(),
            WebAdmin.call(gateway, "PUT", user + "/mailboxes/Records", null).statusCode(),
            WebAdmin.call(gateway, "DELETE", "/mailQueues/spool/mails?sender=a@example.net", null).statusCode(),
            WebAdmin.call(gateway, "PATCH", "/mailQueues/spool/mails?delayed=true", "{\"delayed\":false}").statusCode(),
            WebAdmin.call(gateway, "PUT", "/quota/users/" + gateway.demoAddress() + "/size", "1").statusCode(),
            WebAdmin.call(gateway, "POST", "/events/deadLetter?action=reDeliver", null).statusCode());

        assertThat(statuses).containsOnly(403);
        assertThat(WebAdmin.call(gateway, "GET", "/domains", null).body()).contains("gateway.localhost");
        assertThat(WebAdmin.call(gateway, "HEAD", user, null).statusCode()).isEqualTo(200);
        assertThat(WebAdmin.call(gateway, "GET", user + "/mailboxes", null).body()).isEqualTo(mailboxesBefore);
        assertThat(WebAdmin.call(gateway, "GET", "/mailQueues/spool", null).body()).isEqualTo(queueBefore);
        // The quota is the policy's (attachments.yaml mailboxQuota, 2G by default), not the 1 byte PUT asked for.
        assertThat(WebAdmin.call(gateway, "GET", "/quota/users/" + gateway.demoAddress() + "/size", null).body())
            .isEqualTo(String.valueOf(2L << 30));
    }

    @Test
    void reprocessingARepositoryShouldBeAuditedWithMethodAndPathWhenItIsAllowed() throws Exception {
        JsonNode repositories = JSON.readTree(WebAdmin.call(gateway, "GET", "/mailRepositories", null).body());
        String path = repositories.get(0).get("path").asText();

        HttpResponse<String> reprocess = WebAdmin.call(gateway, "PATCH", "/mailRepositories/" + path + "/mails?action=reprocess&processor=root", null);
        HttpResponse<String> elsewhere = WebAdmin.call(gateway, "PATCH", "/mailRepositories/" + path + "/mails?action=reprocess&processor=transport", null);

        assertThat(reprocess.statusCode()).as(reprocess.body()).isEqualTo(201);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).contains("\"action\":\"ADMIN_ACTION\"")
            .contains("\"actor\":\"admin:host\"").contains("/mailRepositories/" + path + "/mails").contains("method=PATCH"));
    }

    @Test
    void smgShouldCreateAndListInvitationsAsJsonWhenRunOnTheHost() throws Exception {
        String email = unique("cli");

        SmgCommand created = smg("--json", "invitations", "create", "--program", "ECO", "--email", email, "--name", "Cli Person");
        SmgCommand pending = smg("--json", "invitations", "list", "--state", "pending");

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(URI.create(JSON.readTree(created.out()).get("link").asText()).getHost()).isEqualTo(HOST_NAME);
        assertThat(pending.code()).as(pending.err()).isZero();
        assertThat(JSON.readTree(pending.out())).anySatisfy(invitation -> assertThat(invitation.get("email").asText()).isEqualTo(email));
    }

    @Test
    void smgShouldListAccountsAsATableForPeopleAndAsJsonForScripts() throws Exception {
        SmgCommand table = smg("accounts", "list");
        SmgCommand json = smg("--json", "accounts", "list");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("ADDRESS").contains(gateway.demoAddress());
        assertThat(json.code()).isZero();
        assertThat(JSON.readTree(json.out())).anySatisfy(account -> assertThat(account.get("address").asText()).isEqualTo(gateway.demoAddress()));
    }

    @Test
    void smgShouldReportAValidChainAndExportJsonLinesWhenTheAuditTrailIsIntact() throws Exception {
        SmgCommand verify = smg("--json", "audit", "verify");
        SmgCommand export = smg("audit", "export", "--from", "2020-01-01", "--to", "2100-01-01");

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(JSON.readTree(verify.out()).get("valid").asBoolean()).isTrue();
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out().lines().toList()).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).has("hash")).isTrue());
    }

    @Test
    void smgShouldExitWithOneAndPrintTheServerMessageWhenWebAdminRefuses() throws Exception {
        SmgCommand unknown = smg("accounts", "suspend", "nobody@gateway.localhost");
        SmgCommand wrongToken = smgWithToken("not-a-token", "accounts", "list");

        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no account nobody@gateway.localhost").contains("HTTP 404");
        assertThat(wrongToken.code()).isEqualTo(1);
        assertThat(wrongToken.err()).contains("Wrong admin token");
    }

    private static SmgCommand smg(String... args) throws Exception {
        return SmgCommand.run(gateway, args);
    }

    private static SmgCommand smgWithToken(String token, String... args) throws Exception {
        return SmgCommand.runWithToken(gateway, token, args);
    }

    private static void assertBadRequest(String body, String message) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/invitations", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("statusCode").asInt()).isEqualTo(400);
        assertThat(error.get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(error.get("message").asText()).contains(message);
    }

    private static List<String> auditLines() throws Exception {
        return List.of(WebAdmin.call(gateway, "GET", "/audit", null).body().split("\n"));
    }

    private static List<String> ids(HttpResponse<String> list) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(list.body()).forEach(invitation -> ids.add(invitation.get("id").asText()));
        return ids;
    }

    static String invitation(String email, String name) {
        return "{\"program\":\"ECO\",\"email\":\"" + email + "\",\"name\":\"" + name + "\"}";
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }
}
