package org.smg.gateway.enrollment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.MailetContext;

/**
 * Mail the gateway writes itself (welcome messages, content-free notices), handed to the mail
 * pipeline like mail received over SMTP: local recipients are delivered to their INBOX, others
 * leave through the outbound smart host (or wait in the held repository), and all of it is audited.
 */
final class PipelineMail {
    private static final Session SESSION = Session.getInstance(new Properties());

    private final MailetContext context;

    PipelineMail(MailetContext context) {
        this.context = context;
    }

    /**
     * Sends a plain-text message.
     *
     * @param automatic marks it {@code Auto-Submitted: auto-generated} (RFC 3834), so that
     *                  auto-responders do not answer notices
     */
    void send(String from, String fromName, String to, String subject, String text, boolean automatic) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        try {
            message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        message.setRecipients(javax.mail.Message.RecipientType.TO, to);
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new java.util.Date());
        message.setText(text, StandardCharsets.UTF_8.name());
        if (automatic) {
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        message.saveChanges();
        MailImpl mail = MailImpl.builder()
            .name("smg-" + UUID.randomUUID())
            .sender(new MailAddress(from))
            .addRecipients(List.of(new MailAddress(to)))
            .mimeMessage(message)
            .build();
        try {
            context.sendMail(mail);
        } finally {
            mail.dispose();
        }
    }
}
