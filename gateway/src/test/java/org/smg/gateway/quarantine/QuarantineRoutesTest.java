package org.smg.gateway.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.RefusalReason;
import org.smg.gateway.audit.AuditTrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /quarantine} over HTTP: list, show, content, release (re-checked first) and delete, each audited. */
class QuarantineRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    private static QuarantineWorld world;
    private static QuarantineWebAdmin webAdmin;

    @BeforeAll
    static void start() throws Exception {
        world = QuarantineWorld.open(directory);
        webAdmin = QuarantineWebAdmin.start(world);
    }

    @AfterAll
    static void stop() {
        webAdmin.close();
        world.close();
    }

    @BeforeEach
    void reset() throws Exception {
        world.clear();
        webAdmin.recheckRefusals.clear();
        webAdmin.scannerDown = false;
        webAdmin.rechecked.clear();
    }

    @Test
    void listShouldAnswerMetadataOnlyNewestFirstAndFilterByReason() throws Exception {
        String token = "tok" + UUID.randomUUID();
        String virus = world.quarantine("mail-virus", token, QuarantineWorld.VIRUS);
        Thread.sleep(5);
        String type = world.quarantine("mail-type", token, QuarantineWorld.TYPE);

        HttpResponse<String> all = webAdmin.call("GET", "/quarantine");
        HttpResponse<String> viruses = webAdmin.call("GET", "/quarantine?reason=virus&state=held&from=2020-01-01");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).doesNotContain(token);
        assertThat(ids(all)).containsExactly(type, virus);
        assertThat(ids(viruses)).containsExactly(virus);
    }

    @Test
    void listShouldAnswer400NamingTheParameterWhenAFilterIsWrong() throws Exception {
        assertThat(message(webAdmin.call("GET", "/quarantine?reason=smelly"), 400)).contains("unknown reason 'smelly'", "virus");
        assertThat(message(webAdmin.call("GET", "/quarantine?state=lost"), 400)).contains("unknown state 'lost'");
        assertThat(message(webAdmin.call("GET", "/quarantine?from=yesterday"), 400)).contains("'from' must be an ISO-8601");
        assertThat(message(webAdmin.call("GET", "/quarantine?sort=size"), 400)).contains("unknown parameter 'sort'");
    }

    @Test
    void showShouldAnswerTheRecordWithItsRefusalsAndAuditTheView() throws Exception {
        String id = world.quarantine("mail-show", "tok", QuarantineWorld.VIRUS);

        HttpResponse<String> response = webAdmin.call("GET", "/quarantine/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode record = JSON.readTree(response.body());
        assertThat(record.get("id").asText()).isEqualTo(id);
        assertThat(record.get("state").asText()).isEqualTo("held");
        assertThat(record.get("stage").asText()).isEqualTo("smtp");
        assertThat(record.get("sender").asText()).isEqualTo("sender@staff.test");
        assertThat(record.get("recipients")).hasSize(2);
        assertThat(record.get("refusals").get(0).get("file").asText()).isEqualTo("invoice.pdf");
        assertThat(record.get("refusals").get(0).get("reason").asText()).isEqualTo("virus");
        assertThat(record.get("size").asLong()).isPositive();
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"QUARANTINE_VIEWED\"", "\"actor\":\"admin:test\"", "\"objectId\":\"" + id + "\"", "\"outcome\":\"metadata\""));
        assertThat(message(webAdmin.call("GET", "/quarantine/no-such-id"), 404)).contains("no quarantined mail no-such-id");
    }

    @Test
    void contentShouldStreamTheMessageAsRfc822AndAuditTheReading() throws Exception {
        GeneratedMessage message = new GeneratedMessage("Content", "tok", 2);
        String id = world.store.put(QuarantineWorld.mail("mail-content", message), List.of(QuarantineWorld.VIRUS), QuarantineStore.STAGE_PIPELINE);

        HttpResponse<byte[]> response = webAdmin.bytes("/quarantine/" + id + "/content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("message/rfc822"));
        assertThat(GeneratedMessage.digest(new ByteArrayInputStream(response.body()))).isEqualTo(message.digest());
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"QUARANTINE_VIEWED\"", "\"objectId\":\"" + id + "\"", "\"outcome\":\"content\""));
    }

    @Test
    void releaseShouldPutTheMailBackIntoThePipelineAtRootWhenTheRecheckIsClean() throws Exception {
        GeneratedMessage message = new GeneratedMessage("Release", "tok", 2);
        String id = world.store.put(QuarantineWorld.mail("mail-release", message), List.of(QuarantineWorld.VIRUS), QuarantineStore.STAGE_SMTP);

        HttpResponse<String> response = webAdmin.call("POST", "/quarantine/" + id + "/release");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode record = JSON.readTree(response.body());
        assertThat(record.get("state").asText()).isEqualTo("released");
        assertThat(record.get("decidedBy").asText()).isEqualTo("admin:test");
        assertThat(webAdmin.rechecked).containsExactly("mail-release");
        assertThat(world.sent).singleElement().satisfies(sent -> {
            assertThat(sent.state()).isEqualTo("root");
            assertThat(sent.recipients()).containsExactly("citizen@gateway.test", "other@gateway.test");
            assertThat(sent.authUser()).isEqualTo("staff@staff.test");
            assertThat(sent.digest()).isEqualTo(message.digest());
        });
        assertThat(holdsMessage(id)).isFalse();
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"QUARANTINE_RELEASED\"", "\"objectId\":\"" + id + "\"", "\"outcome\":\"released\""));
    }

    @Test
    void releaseShouldAnswer409WithTheRefusalsAndKeepTheMailHeldWhenStillRefused() throws Exception {
        String id = world.quarantine("mail-still", "tok", QuarantineWorld.VIRUS);
        webAdmin.recheckRefusals.add(new Refusal("invoice.pdf", RefusalReason.VIRUS, "a virus was found (Eicar-Signature)"));

        HttpResponse<String> response = webAdmin.call("POST", "/quarantine/" + id + "/release");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asText()).contains("still refused", "invoice.pdf");
        assertThat(body.get("refusals").get(0).get("reason").asText()).isEqualTo("virus");
        assertThat(world.sent).isEmpty();
        assertThat(world.store.get(id).orElseThrow().state()).isEqualTo(QuarantineState.HELD);
        assertThat(holdsMessage(id)).isTrue();
    }

    @Test
    void releaseShouldAnswer503AndKeepTheMailHeldWhenTheScannerIsUnavailable() throws Exception {
        String id = world.quarantine("mail-noscan", "tok", QuarantineWorld.VIRUS);
        webAdmin.scannerDown = true;

        HttpResponse<String> response = webAdmin.call("POST", "/quarantine/" + id + "/release");

        assertThat(message(response, 503)).contains("virus scanner is unavailable", "stays held");
        assertThat(world.sent).isEmpty();
        assertThat(world.store.get(id).orElseThrow().state()).isEqualTo(QuarantineState.HELD);
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"QUARANTINE_RELEASED\"", "\"outcome\":\"scanner-unavailable\""));
    }

    @Test
    void releaseShouldAnswer409WhenAlreadyReleasedAnd404WhenUnknown() throws Exception {
        String id = world.quarantine("mail-twice", "tok", QuarantineWorld.VIRUS);
        webAdmin.call("POST", "/quarantine/" + id + "/release");

        HttpResponse<String> again = webAdmin.call("POST", "/quarantine/" + id + "/release");

        assertThat(message(again, 409)).contains("is released (by admin:test), no longer held");
        assertThat(world.sent).hasSize(1);
        assertThat(message(webAdmin.call("POST", "/quarantine/nope/release"), 404)).contains("no quarantined mail nope");
    }

    @Test
    void deleteShouldDropTheMessageKeepTheRecordAndAudit() throws Exception {
        String id = world.quarantine("mail-delete", "tok", QuarantineWorld.VIRUS);

        HttpResponse<String> response = webAdmin.call("DELETE", "/quarantine/" + id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("state").asText()).isEqualTo("deleted");
        assertThat(message(webAdmin.call("GET", "/quarantine/" + id + "/content"), 409)).contains("no longer kept");
        assertThat(message(webAdmin.call("DELETE", "/quarantine/" + id), 409)).contains("is deleted");
        assertThat(world.sent).isEmpty();
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"QUARANTINE_DELETED\"", "\"objectId\":\"" + id + "\"", "\"outcome\":\"deleted\""));
    }

    private static boolean holdsMessage(String id) throws Exception {
        java.util.Optional<java.io.InputStream> content = world.store.content(id);
        if (content.isPresent()) {
            content.get().close();
        }
        return content.isPresent();
    }

    private static List<String> ids(HttpResponse<String> response) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(record -> ids.add(record.get("id").asText()));
        return ids;
    }

    private static String message(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).get("message").asText();
    }
}
