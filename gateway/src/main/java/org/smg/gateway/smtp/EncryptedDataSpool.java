package org.smg.gateway.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.server.core.MailImpl;
import org.smg.gateway.storage.EncryptedMessageSource;
import org.smg.gateway.storage.EncryptedTemporaryFile;

/** The message of one SMTP transaction while its DATA lines arrive: an encrypted temporary file, kept in the session. */
final class EncryptedDataSpool implements Closeable {
    private static final AttachmentKey<EncryptedDataSpool> KEY = AttachmentKey.of("org.smg.gateway.smtp.data", EncryptedDataSpool.class);

    private final String mailName;
    private final EncryptedTemporaryFile file;
    private final OutputStream out;

    private EncryptedDataSpool(String mailName, EncryptedTemporaryFile file) throws IOException {
        this.mailName = mailName;
        this.file = file;
        this.out = file.writer();
    }

    /** The spool of the session's current DATA, created at its first line. */
    static EncryptedDataSpool of(SMTPSession session) throws IOException {
        Optional<EncryptedDataSpool> current = session.getAttachment(KEY, State.Transaction);
        if (current.isPresent()) {
            return current.get();
        }
        String name = MailImpl.getId();
        EncryptedDataSpool spool = new EncryptedDataSpool(name, EncryptedTemporaryFile.create("smtp-data-"));
        session.setAttachment(KEY, spool, State.Transaction);
        return spool;
    }

    /** Forgets the session's spool, once its message has been handed on or refused. */
    static void detach(SMTPSession session) {
        session.removeAttachment(KEY, State.Transaction).ifPresent(EncryptedDataSpool::close);
    }

    String mailName() {
        return mailName;
    }

    OutputStream out() {
        return out;
    }

    /** Ends writing; the returned source reads the message and deletes the file when the mail is disposed. */
    EncryptedMessageSource finish() throws IOException {
        out.close();
        return new EncryptedMessageSource(mailName, file);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // The file is deleted below; nothing else depends on this stream.
        }
        file.close();
    }
}
