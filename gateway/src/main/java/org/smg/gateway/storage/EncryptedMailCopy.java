package org.smg.gateway.storage;

import java.io.IOException;
import java.io.OutputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;

/**
 * Copies of a mail whose message is kept in an {@link EncryptedTemporaryFile}. James's {@code MailImpl.duplicate}
 * and {@code Mail.duplicate()} go through {@code new MimeMessageWrapper(MimeMessage)}, which writes any message
 * over 100 KiB in plain text to the JVM's temporary directory ({@code MimeMessageInputStreamSource}); the
 * gateway's mailets copy through here instead. Disposing the copy deletes its file.
 */
public final class EncryptedMailCopy {
    private EncryptedMailCopy() {
    }

    /** A copy of {@code mail} (envelope, attributes, message) under a derived name, as James's duplicate. */
    public static MailImpl of(Mail mail) throws MessagingException {
        MailImpl copy = MailImpl.duplicateWithoutMessage(mail).build();
        copy.setMessageNoCopy(new MimeMessageWrapper(sourceOf(mail.getMessage(), copy.getName())));
        return copy;
    }

    /** The bytes of {@code message} as a source James reads from the encrypted file. */
    public static EncryptedMessageSource sourceOf(MimeMessage message, String sourceId) throws MessagingException {
        EncryptedTemporaryFile file;
        try {
            file = EncryptedTemporaryFile.create("mail-copy-");
        } catch (IOException e) {
            throw new MessagingException("cannot create the encrypted copy of mail " + sourceId, e);
        }
        try (OutputStream out = file.writer()) {
            message.writeTo(out);
        } catch (IOException e) {
            file.close();
            throw new MessagingException("cannot copy mail " + sourceId, e);
        } catch (MessagingException | RuntimeException e) {
            file.close();
            throw e;
        }
        return new EncryptedMessageSource(sourceId, file);
    }
}
