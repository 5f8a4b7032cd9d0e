package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.mail.Flags;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.smg.gateway.storage.EncryptedTemporaryFile;

/**
 * The Sent and Drafts folders, written through James's mailbox API as a mail client writes them over IMAP (so IMAP
 * sees the same messages): a folder missing is created; a sent copy is {@code \Seen}, a draft {@code \Draft}. The
 * message is written to an encrypted temporary file first and appended from there, never held whole in the heap.
 */
final class MailFolders {
    static final String SENT = "Sent";
    static final String DRAFTS = "Drafts";

    private final MailboxManager mailboxes;

    MailFolders(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** Appends the message and returns its UID in the folder. */
    MessageUid append(MailboxSession session, String folder, MimeMessage message, Flags flags) throws MailboxException, IOException, MessagingException {
        MessageManager mailbox = folder(session, folder);
        try (EncryptedTemporaryFile copy = EncryptedTemporaryFile.create("web-append-")) {
            try (var out = copy.writer()) {
                message.writeTo(out);
            }
            try (InputStream in = copy.open()) {
                return mailbox.appendMessage(in, new Date(), session, false, flags).getId().getUid();
            }
        }
    }

    /** The full message, streamed; empty when the folder or the UID does not exist. */
    Optional<InputStream> open(MailboxSession session, String folder, MessageUid uid) throws MailboxException, IOException {
        MessageManager mailbox;
        try {
            mailbox = mailboxes.getMailbox(MailboxPath.forUser(session.getUser(), folder), session);
        } catch (org.apache.james.mailbox.exception.MailboxNotFoundException e) {
            return Optional.empty();
        }
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(uid), FetchGroup.FULL_CONTENT, session);
        if (!results.hasNext()) {
            return Optional.empty();
        }
        MessageResult result = results.next();
        return Optional.of(result.getFullContent().getInputStream());
    }

    /** Removes the message from the folder (flagged deleted and expunged); nothing when it is gone already. */
    void remove(MailboxSession session, String folder, MessageUid uid) throws MailboxException {
        MessageManager mailbox;
        try {
            mailbox = mailboxes.getMailbox(MailboxPath.forUser(session.getUser(), folder), session);
        } catch (org.apache.james.mailbox.exception.MailboxNotFoundException e) {
            return;
        }
        mailbox.delete(List.of(uid), session);
    }

    /** Adds {@code flags} to the message; nothing when the folder or the message is gone. */
    void addFlags(MailboxSession session, String folder, MessageUid uid, Flags flags) throws MailboxException {
        MessageManager mailbox;
        try {
            mailbox = mailboxes.getMailbox(MailboxPath.forUser(session.getUser(), folder), session);
        } catch (org.apache.james.mailbox.exception.MailboxNotFoundException e) {
            return;
        }
        mailbox.setFlags(flags, MessageManager.FlagsUpdateMode.ADD, MessageRange.one(uid), session);
    }

    private MessageManager folder(MailboxSession session, String name) throws MailboxException {
        MailboxPath path = MailboxPath.forUser(session.getUser(), name);
        try {
            return mailboxes.getMailbox(path, session);
        } catch (org.apache.james.mailbox.exception.MailboxNotFoundException e) {
            try {
                mailboxes.createMailbox(path, session);
            } catch (MailboxExistsException raced) {
                // Created meanwhile by another session or an IMAP client: use it.
            }
            return mailboxes.getMailbox(path, session);
        }
    }
}
