package org.smg.gateway.web;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;

import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * The MIME message the web view writes, as a mail client would: {@code From:} the inbox's owner (the citizen, also
 * when a representative writes for them: the pipeline adds who really wrote), the chosen topic or reply address,
 * the subject, the plain-text body (UTF-8, quoted-printable) and each accepted file as a base64 attachment streamed
 * from its encrypted temporary file.
 */
final class ComposedMessage {
    private static final Session SESSION = Session.getInstance(new Properties());

    private ComposedMessage() {
    }

    static MimeMessage build(InternetAddress from, ComposeForm form, List<ComposeFiles.File> files) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        if (!form.to().isBlank()) {
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(form.to(), true));
        }
        message.setSubject(form.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (!form.inReplyTo().isBlank()) {
            message.setHeader("In-Reply-To", form.inReplyTo());
            message.setHeader("References", form.inReplyTo());
        }
        if (files.isEmpty()) {
            message.setText(form.body(), StandardCharsets.UTF_8.name());
            message.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(form.body(), StandardCharsets.UTF_8.name());
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            for (ComposeFiles.File file : files) {
                mixed.addBodyPart(attachment(file.name(), file.content()));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** One file as an attachment part: its name (RFC 2231 when not ASCII), base64, content read on demand. */
    static MimeBodyPart attachment(String fileName, EncryptedTemporaryFile content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(UploadCheck.source(fileName, content)));
        part.setDisposition(Part.ATTACHMENT);
        try {
            part.setFileName(MimeUtility.encodeText(fileName, StandardCharsets.UTF_8.name(), null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        part.setHeader("Content-Type", "application/octet-stream");
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    static InternetAddress author(String address, String displayName) throws MessagingException {
        try {
            return new InternetAddress(address, displayName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }
}
