package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling (CVE-2023-51764 family): a DATA section that an outbound MTA passes on unchanged
 * must not end early at a non-standard end-of-data sequence and let a second, forged message in.
 * James 3.8.1 answers {@code 500 5.0.0 line delimiter must be CRLF} to any bare LF inside DATA and
 * closes the connection, so the whole transaction is dropped; a bare CR does not end DATA either.
 * Tested on the relay port, where staff MTAs pass on mail they received from the Internet.
 */
class SmtpSmugglingIntegrationTest {
    private static final String BARE_LF_REFUSAL = "500 5.0.0 line delimiter must be CRLF";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @ParameterizedTest(name = "end of data written as {0}")
    @ValueSource(strings = {"\n.\n", "\r\n.\n", "\n.\r\n"})
    void dataShouldBeRefusedAndNothingDeliveredWhenSmugglingWithBareLfEndOfData(String endOfData) throws Exception {
        Smuggling attempt = new Smuggling(endOfData);

        List<String> replies = attempt.send();

        assertThat(replies).containsExactly(BARE_LF_REFUSAL, "<connection closed>");
        assertThat(inboxSubjectsAfterMarker()).doesNotContain(attempt.carrierSubject, attempt.smuggledSubject);
    }

    @Test
    void dataShouldBeRefusedWhenMessageUsesBareLfLineEndings() throws Exception {
        String subject = "bare-lf " + UUID.randomUUID();
        try (SmtpConversation smtp = relayTransaction()) {

            smtp.send("From: clerk@staff.example\nSubject: " + subject + "\n\nLines end with LF only.\n.\r\n");
            String reply = smtp.reply();
            String afterwards = smtp.reply();

            assertThat(reply).isEqualTo(BARE_LF_REFUSAL);
            assertThat(afterwards).as("connection closed by the gateway").isNull();
        }
        assertThat(inboxSubjectsAfterMarker()).doesNotContain(subject);
    }

    @Test
    void dataShouldDeliverOneMessageOnlyWhenSmugglingWithCrLfDotCr() throws Exception {
        Smuggling attempt = new Smuggling("\r\n.\r");

        List<String> replies = attempt.send();

        assertThat(replies).hasSize(1).first().asString().startsWith("250 ");
        assertThat(inboxSubjectsAfterMarker()).contains(attempt.carrierSubject).doesNotContain(attempt.smuggledSubject);
    }

    /** A message whose body hides a fake end of data followed by a second, forged transaction. */
    private static final class Smuggling {
        private final String carrierSubject = "carrier " + UUID.randomUUID();
        private final String smuggledSubject = "smuggled " + UUID.randomUUID();
        private final String data;

        private Smuggling(String fakeEndOfData) {
            this.data = "From: clerk@staff.example\r\nSubject: " + carrierSubject + "\r\n\r\nHello"
                + fakeEndOfData
                + "MAIL FROM:<ceo@staff.example>\r\n"
                + "RCPT TO:<" + gateway.demoAddress() + ">\r\n"
                + "DATA\r\n"
                + "From: ceo@staff.example\r\nSubject: " + smuggledSubject + "\r\n\r\nPay the invoice today.\r\n"
                + ".\r\n";
        }

        /** Sends the data in one write; returns the reply, followed by what came next unless it was 250. */
        private List<String> send() throws Exception {
            try (SmtpConversation smtp = relayTransaction()) {
                smtp.send(data);
                String dataReply = smtp.reply();
                if (dataReply.startsWith("250 ")) {
                    return List.of(dataReply);
                }
                String next = smtp.reply();
                return List.of(dataReply, next == null ? "<connection closed>" : next);
            }
        }
    }

    /** A relay conversation from the allow-listed address, positioned right after DATA's 354. */
    private static SmtpConversation relayTransaction() throws Exception {
        SmtpConversation smtp = SmtpConversation.open(gateway.relayPort());
        smtp.reply();
        smtp.command("EHLO staff-mta.agency.example");
        smtp.command("MAIL FROM:<clerk@staff.example>");
        smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");
        assertThat(smtp.command("DATA")).startsWith("354 ");
        return smtp;
    }

    /**
     * Delivers a well-formed marker message after the attempt and returns the inbox subjects once
     * it has arrived, so that anything the attempt could have queued has had its chance to arrive.
     */
    private static List<String> inboxSubjectsAfterMarker() throws Exception {
        String marker = "marker " + UUID.randomUUID();
        try (SmtpConversation smtp = relayTransaction()) {
            assertThat(smtp.command("From: clerk@staff.example\r\nSubject: " + marker + "\r\n\r\nmarker\r\n.")).startsWith("250 ");
        }
        return await().atMost(Duration.ofSeconds(30)).until(
            () -> MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword()),
            subjects -> subjects.contains(marker));
    }
}
