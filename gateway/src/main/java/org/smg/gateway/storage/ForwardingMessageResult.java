package org.smg.gateway.storage;

import java.io.IOException;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.Headers;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageAttachmentMetadata;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MimeDescriptor;
import org.apache.james.mailbox.model.MimePath;
import org.apache.james.mailbox.model.ThreadId;

/** A fetched message that hands every question to James's; subclasses change one answer. */
abstract class ForwardingMessageResult implements MessageResult {
    private final MessageResult delegate;

    ForwardingMessageResult(MessageResult delegate) {
        this.delegate = delegate;
    }

    final MessageResult delegate() {
        return delegate;
    }

    @Override
    public MimeDescriptor getMimeDescriptor() throws MailboxException {
        return delegate.getMimeDescriptor();
    }

    @Override
    public MessageId getMessageId() {
        return delegate.getMessageId();
    }

    @Override
    public ThreadId getThreadId() {
        return delegate.getThreadId();
    }

    @Override
    public Optional<Date> getSaveDate() {
        return delegate.getSaveDate();
    }

    @Override
    public Date getInternalDate() {
        return delegate.getInternalDate();
    }

    @Override
    public Flags getFlags() {
        return delegate.getFlags();
    }

    @Override
    public long getSize() {
        return delegate.getSize();
    }

    @Override
    public MessageMetaData messageMetaData() {
        return delegate.messageMetaData();
    }

    @Override
    public MessageUid getUid() {
        return delegate.getUid();
    }

    @Override
    public ModSeq getModSeq() {
        return delegate.getModSeq();
    }

    @Override
    public MailboxId getMailboxId() {
        return delegate.getMailboxId();
    }

    @Override
    public Iterator<Header> iterateHeaders(MimePath path) throws MailboxException {
        return delegate.iterateHeaders(path);
    }

    @Override
    public Iterator<Header> iterateMimeHeaders(MimePath path) throws MailboxException {
        return delegate.iterateMimeHeaders(path);
    }

    @Override
    public Content getFullContent() throws MailboxException, IOException {
        return delegate.getFullContent();
    }

    @Override
    public Content getFullContent(MimePath path) throws MailboxException {
        return delegate.getFullContent(path);
    }

    @Override
    public Content getBody() throws MailboxException, IOException {
        return delegate.getBody();
    }

    @Override
    public Content getBody(MimePath path) throws MailboxException {
        return delegate.getBody(path);
    }

    @Override
    public Content getMimeBody(MimePath path) throws MailboxException {
        return delegate.getMimeBody(path);
    }

    @Override
    public Headers getHeaders() throws MailboxException {
        return delegate.getHeaders();
    }

    @Override
    public List<MessageAttachmentMetadata> getLoadedAttachments() throws MailboxException {
        return delegate.getLoadedAttachments();
    }

    @Override
    public int compareTo(MessageResult other) {
        return delegate.compareTo(other);
    }

    @Override
    public boolean equals(Object other) {
        if (other != null && other.getClass() == getClass()) {
            return delegate.equals(((ForwardingMessageResult) other).delegate);
        }
        return false;
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }
}
