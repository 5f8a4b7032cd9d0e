package org.smg.gateway.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.MailboxPath;
import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * Puts a record back into its citizen's INBOX, unread, through James's mailbox API (so IMAP
 * clients see it as a new message). The record is read once into an encrypted temporary copy that James reads from.
 */
final class RecordRestore {
    private final MailboxManager mailboxes;
    private final RecordStore store;

    RecordRestore(MailboxManager mailboxes, RecordStore store) {
        this.mailboxes = mailboxes;
        this.store = store;
    }

    /** @return the new message's uid in the INBOX */
    long restore(MessageRecord record) throws MailboxException {
        // James may read the content several times and close a stream late, on another thread; a stream
        // straight from the database would keep its transaction (and the record's row lock) open until then.
        try (EncryptedTemporaryFile copy = EncryptedTemporaryFile.create("record-restore-")) {
            try (InputStream stored = store.content(record.id())
                    .orElseThrow(() -> new IOException("record " + record.id() + " no longer exists"))) {
                copy.fill(stored);
            } catch (IOException | RecordException e) {
                throw new MailboxException("reading record " + record.id() + " failed: " + e.getMessage(), e);
            }
            return append(record, new CopiedContent(copy));
        } catch (IOException e) {
            throw new MailboxException("copying record " + record.id() + " failed: " + e.getMessage(), e);
        }
    }

    private long append(MessageRecord record, Content content) throws MailboxException {
        MailboxSession session = mailboxes.createSystemSession(Username.of(record.account()));
        try {
            MessageManager inbox = mailboxes.getMailbox(MailboxPath.inbox(session), session);
            MessageManager.AppendResult appended = inbox.appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(Date.from(record.date()))
                .withFlags(new Flags())
                .recent()
                .build(content), session);
            return appended.getId().getUid().asLong();
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }

    /** A record's message as James's {@link Content}, read from its encrypted copy. */
    private record CopiedContent(EncryptedTemporaryFile copy) implements Content {
        @Override
        public InputStream getInputStream() throws IOException {
            return copy.open();
        }

        @Override
        public long size() {
            return copy.size();
        }
    }
}
