package org.smg.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.apache.james.core.MailAddress;

/**
 * An RFC 3464 delivery status notification saying that delivery failed: a multipart/report with a
 * human-readable part and a message/delivery-status part (Action: failed, the enhanced status
 * code, the SMTP reply as Diagnostic-Code). The original message is not returned, not even its
 * headers: a DSN must not carry content out of the gateway.
 */
final class DeliveryStatusNotice {
    private static final Session SESSION = Session.getInstance(new Properties());

    private DeliveryStatusNotice() {
    }

    /**
     * One failed recipient: the enhanced status code (e.g. 5.2.1), the text for people and the
     * Diagnostic-Code (e.g. {@code smtp; 550 5.2.1 ...}).
     */
    record Failure(MailAddress recipient, String enhancedCode, String text, String diagnostic) {
        /** A recipient this gateway refuses, with the reply its RCPT refusal gives. */
        static Failure refused(MailAddress recipient, String enhancedCode, String text) {
            return new Failure(recipient, enhancedCode, text, "smtp; 550 " + enhancedCode + " " + text);
        }
    }

    static MimeMessage failed(String reportingHost, MailAddress postmaster, MailAddress to, String originalMessageId,
                              String subject, List<Failure> failures) throws MessagingException {
        StringBuilder human = new StringBuilder("Your message could not be delivered to the following addresses.\n\n");
        StringBuilder status = new StringBuilder()
            .append("Reporting-MTA: dns; ").append(reportingHost).append("\r\n");
        if (originalMessageId != null) {
            human.append("Your message: ").append(originalMessageId).append("\n\n");
        }
        for (Failure failure : failures) {
            human.append(failure.recipient().asString()).append(": ").append(failure.text())
                .append(" (").append(failure.enhancedCode()).append(")\n");
            status.append("\r\n")
                .append("Final-Recipient: rfc822; ").append(failure.recipient().asString()).append("\r\n")
                .append("Action: failed\r\n")
                .append("Status: ").append(failure.enhancedCode()).append("\r\n")
                .append("Diagnostic-Code: ").append(failure.diagnostic().replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(human.toString(), StandardCharsets.UTF_8.name());
        MimeBodyPart report = new MimeBodyPart();
        report.setDataHandler(new DataHandler(new ByteArrayDataSource(
            status.toString().getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
        report.setHeader("Content-Type", "message/delivery-status");
        MimeMultipart multipart = new MimeMultipart("report");
        multipart.addBodyPart(text);
        multipart.addBodyPart(report);

        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(postmaster.asString()));
        message.setRecipients(MimeMessage.RecipientType.TO, to.asString());
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setContent(multipart);
        message.saveChanges();
        // MimeMultipart("report") names only the subtype; RFC 3462 requires report-type as well.
        message.setHeader("Content-Type", multipart.getContentType() + "; report-type=delivery-status");
        return message;
    }
}
