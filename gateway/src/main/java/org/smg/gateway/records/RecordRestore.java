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

/**
 * Puts a record back into its citizen's INBOX, unread, through James's mailbox API (so IMAP
 * clients see it as a new message). The bytes stream from the records store each time James reads them.
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
        MailboxSession session = mailboxes.createSystemSession(Username.of(record.account()));
        try {
            MessageManager inbox = mailboxes.getMailbox(MailboxPath.inbox(session), session);
            MessageManager.AppendResult appended = inbox.appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(Date.from(record.date()))
                .withFlags(new Flags())
                .recent()
                .build(new StoredContent(store, record)), session);
            return appended.getId().getUid().asLong();
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }

    /** A record's message as James's {@link Content}: opened from the database at each read. */
    private record StoredContent(RecordStore store, MessageRecord record) implements Content {
        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return store.content(record.id()).orElseThrow(() -> new IOException("record " + record.id() + " no longer exists"));
            } catch (RecordException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public long size() {
            return record.size();
        }
    }
}
