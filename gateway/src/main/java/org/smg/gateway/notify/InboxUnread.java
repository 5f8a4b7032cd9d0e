package org.smg.gateway.notify;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;

/**
 * Reads the INBOX's unseen count through James's mailbox API, in a system session for the
 * citizen: the same {@code \Seen} flags the citizen's IMAP client and the web view set.
 */
final class InboxUnread implements UnreadMail {
    private final MailboxManager mailboxes;

    InboxUnread(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public boolean inInbox(String address) throws MailboxException {
        MailboxSession session = mailboxes.createSystemSession(Username.of(address));
        try {
            return mailboxes.getMailbox(MailboxPath.inbox(session), session).getMailboxCounters(session).getUnseen() > 0;
        } finally {
            mailboxes.endProcessingRequest(session);
        }
    }
}
