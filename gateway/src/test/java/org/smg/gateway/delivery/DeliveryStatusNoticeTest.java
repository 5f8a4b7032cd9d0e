package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

class DeliveryStatusNoticeTest {

    @Test
    void failedShouldBuildMultipartReportWithOneDeliveryStatusPerRecipient() throws Exception {
        MailAddress first = new MailAddress("jane@gateway.example");
        MailAddress second = new MailAddress("john@gateway.example");

        MimeMessage dsn = DeliveryStatusNotice.failed("gateway.example", new MailAddress("postmaster@gateway.example"),
            new MailAddress("clerk@agency.example"), "<case-1@agency.example>", "Undelivered",
            List.of(DeliveryStatusNotice.Failure.refused(first, "5.2.1", "Opted out"),
                DeliveryStatusNotice.Failure.refused(second, "5.1.1", "No account")));

        assertThat(dsn.getContentType()).startsWith("multipart/report;").contains("report-type=delivery-status");
        MimeMultipart parts = (MimeMultipart) dsn.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("message/delivery-status");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("Reporting-MTA: dns; gateway.example\r\n"
                + "\r\nFinal-Recipient: rfc822; jane@gateway.example\r\nAction: failed\r\nStatus: 5.2.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.2.1 Opted out\r\n"
                + "\r\nFinal-Recipient: rfc822; john@gateway.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 No account\r\n");
        assertThat(dsn.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    }

    @Test
    void failedShouldWriteDiagnosticOnOneLineWhenServerReplySpansLines() throws Exception {
        MailAddress recipient = new MailAddress("someone@example.net");

        MimeMessage dsn = DeliveryStatusNotice.failed("gateway.example", new MailAddress("postmaster@gateway.example"),
            new MailAddress("clerk@agency.example"), null, "Undelivered",
            List.of(new DeliveryStatusNotice.Failure(recipient, "5.0.0", "Refused", "smtp; 550 first\r\nInjected: header")));

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        dsn.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.US_ASCII)).contains("Diagnostic-Code: smtp; 550 first Injected: header\r\n")
            .doesNotContain("\r\nInjected: header");
    }
}
