package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail through the relay port lands in the audit trail; the trail verifies over WebAdmin; the head is in the log. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIntegrationTest {
    private static final Pattern LOGGED_HEAD = Pattern.compile("audit head sequence=\\d+ hash=[0-9a-f]{64} \\((start|hourly|stop); "
        + "verify with GET /audit/verify\\?head=(\\d+:[0-9a-f]{64})\\)");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    @Order(1)
    void exportShouldContainTheAcceptedMailButNoContentWhenMailWasRelayed() throws Exception {
        String from = Instant.now().minusSeconds(60).toString();
        String subject = "audited " + UUID.randomUUID();

        String reply = SmtpSend.relay(gateway, SmtpSend.CLERK, gateway.demoAddress(),
            "From: clerk@staff.example\r\nSubject: " + subject + "\r\n\r\nYour case file.");

        assertThat(reply).startsWith("250 ");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> export = WebAdmin.call(gateway, "GET", "/audit?from=" + from, null);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
            assertThat(export.body().lines())
                .anySatisfy(line -> assertThat(line).contains("\"actor\":\"mta:127.0.0.1\"", "\"action\":\"MAIL_ACCEPTED\"",
                    "\"outcome\":\"accepted\"", "\"detail\":\"recipients=1 size="));
            assertThat(export.body()).doesNotContain(subject, "clerk@staff.example", gateway.demoAddress());
        });
    }

    @Test
    @Order(2)
    void verifyShouldBeValidWhenCheckedAloneAndAgainstTheHeadLoggedAtStart() throws Exception {
        String loggedHead = loggedHeads().get(0);

        HttpResponse<String> alone = WebAdmin.call(gateway, "GET", "/audit/verify", null);
        HttpResponse<String> anchored = WebAdmin.call(gateway, "GET", "/audit/verify?head=" + loggedHead, null);

        assertThat(alone.statusCode()).isEqualTo(200);
        assertThat(alone.body()).isEqualTo("{\"valid\":true,\"firstBadSequence\":null,\"missingAfter\":null}");
        assertThat(anchored.statusCode()).isEqualTo(200);
        assertThat(anchored.body()).isEqualTo("{\"valid\":true,\"firstBadSequence\":null,\"missingAfter\":null}");
    }

    @Test
    @Order(3)
    void verifyShouldAnswer400WhenTheHeadIsMalformed() throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "GET", "/audit/verify?head=12:nothex", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"InvalidArgument\"", "<sequence>:<SHA-256 hash in 64 hex digits>");
    }

    @Test
    @Order(4)
    void exportShouldAnswer400WhenARangeBoundIsMalformedOrUnknownParametersAreGiven() throws Exception {
        HttpResponse<String> badDate = WebAdmin.call(gateway, "GET", "/audit?from=yesterday", null);
        HttpResponse<String> unknown = WebAdmin.call(gateway, "GET", "/audit?since=2024-01-01", null);
        HttpResponse<String> reversed = WebAdmin.call(gateway, "GET", "/audit?from=2024-05-02&to=2024-05-01", null);

        assertThat(List.of(badDate.statusCode(), unknown.statusCode(), reversed.statusCode())).containsOnly(400);
        assertThat(badDate.body()).contains("InvalidArgument", "'from' must be an ISO-8601 instant");
        assertThat(unknown.body()).contains("unknown parameter 'since'");
        assertThat(reversed.body()).contains("'from' must be before 'to'");
    }

    private static List<String> loggedHeads() {
        Matcher matcher = LOGGED_HEAD.matcher(gateway.output());
        List<String> heads = new java.util.ArrayList<>();
        while (matcher.find()) {
            heads.add(matcher.group(2));
        }
        assertThat(heads).as("'audit head' lines in the gateway's output:\n%s", gateway.output()).isNotEmpty();
        return heads;
    }
}
