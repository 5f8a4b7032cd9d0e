package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import javax.activation.DataHandler;
import javax.activation.DataSource;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.smg.gateway.attachments.InspectedPart;
import org.smg.gateway.attachments.Inspection;
import org.smg.gateway.attachments.MailRules;
import org.smg.gateway.attachments.MessageInspector;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.storage.EncryptedTemporaryFile;
import org.smg.policies.model.AttachmentRules;

/**
 * One uploaded file held to the attachment policy and the virus scan of SMTP: the file is inspected as the one
 * attachment of a message from the citizen, by the same {@link MessageInspector} (type from the bytes, name against
 * type, allowed types, archive and document rules, clamd), so the web accepts exactly what a mail client could send.
 */
final class UploadCheck {
    private static final Session SESSION = Session.getInstance(new Properties());

    /** The outcome for one file: its detected part, or the refusal naming it. */
    record Outcome(Optional<InspectedPart> accepted, Optional<Refusal> refused) {
    }

    private final MessageInspector inspector;
    private final MailRules rules;

    UploadCheck(MessageInspector inspector, MailRules rules) {
        this.inspector = inspector;
        this.rules = rules;
    }

    /** The attachment rules of the inbox's programs (the citizen's, for a representative acting for one). */
    AttachmentRules rulesFor(String inbox) throws SQLException {
        try {
            return rules.rulesFor(MailImpl.builder().name("web-rules-" + UUID.randomUUID()).sender(new MailAddress(inbox)).build());
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalArgumentException("not an address: " + inbox, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build a mail envelope", e);
        }
    }

    /**
     * @throws ScannerUnavailableException when clamd gave no verdict: the file is neither accepted nor refused
     */
    Outcome check(String fileName, EncryptedTemporaryFile content, AttachmentRules attachmentRules)
            throws IOException, ScannerUnavailableException {
        Inspection inspection;
        try {
            inspection = inspector.inspect(single(fileName, content), attachmentRules);
        } catch (MessagingException e) {
            throw new IOException("cannot frame the uploaded file for inspection", e);
        }
        if (inspection.isRefused()) {
            return new Outcome(Optional.empty(), Optional.of(inspection.refusals().get(0)));
        }
        if (inspection.attachments().isEmpty()) {
            throw new IOException("the uploaded file was not seen as an attachment");
        }
        return new Outcome(Optional.of(inspection.attachments().get(0)), Optional.empty());
    }

    private static MimeMessage single(String fileName, EncryptedTemporaryFile content) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(ComposedMessage.attachment(fileName, content));
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    /** The encrypted file as a JavaMail data source, read on demand (never whole in the heap). */
    static DataSource source(String name, EncryptedTemporaryFile content) {
        return new DataSource() {
            @Override
            public InputStream getInputStream() throws IOException {
                return content.open();
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read only");
            }

            @Override
            public String getContentType() {
                return "application/octet-stream";
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

}
