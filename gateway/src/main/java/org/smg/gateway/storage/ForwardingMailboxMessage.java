package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.ComposedMessageIdWithMetaData;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageAttachmentMetadata;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.Properties;

/** A mailbox message that answers everything from another one; subclasses change where the body comes from. */
abstract class ForwardingMailboxMessage implements MailboxMessage {
    private final MailboxMessage delegate;

    ForwardingMailboxMessage(MailboxMessage delegate) {
        this.delegate = delegate;
    }

    MailboxMessage delegate() {
        return delegate;
    }

    @Override
    public InputStream getBodyContent() throws IOException {
        return delegate.getBodyContent();
    }

    @Override
    public InputStream getHeaderContent() throws IOException {
        return delegate.getHeaderContent();
    }

    @Override
    public InputStream getFullContent() throws IOException {
        return delegate.getFullContent();
    }

    @Override
    public ThreadId getThreadId() {
        return delegate.getThreadId();
    }

    @Override
    public ComposedMessageIdWithMetaData getComposedMessageIdWithMetaData() {
        return delegate.getComposedMessageIdWithMetaData();
    }

    @Override
    public MailboxId getMailboxId() {
        return delegate.getMailboxId();
    }

    @Override
    public MessageUid getUid() {
        return delegate.getUid();
    }

    @Override
    public void setUid(MessageUid uid) {
        delegate.setUid(uid);
    }

    @Override
    public void setModSeq(ModSeq modSeq) {
        delegate.setModSeq(modSeq);
    }

    @Override
    public ModSeq getModSeq() {
        return delegate.getModSeq();
    }

    @Override
    public boolean isAnswered() {
        return delegate.isAnswered();
    }

    @Override
    public boolean isDeleted() {
        return delegate.isDeleted();
    }

    @Override
    public boolean isDraft() {
        return delegate.isDraft();
    }

    @Override
    public boolean isFlagged() {
        return delegate.isFlagged();
    }

    @Override
    public boolean isRecent() {
        return delegate.isRecent();
    }

    @Override
    public boolean isSeen() {
        return delegate.isSeen();
    }

    @Override
    public void setFlags(Flags flags) {
        delegate.setFlags(flags);
    }

    @Override
    public void setSaveDate(Date saveDate) {
        delegate.setSaveDate(saveDate);
    }

    @Override
    public Flags createFlags() {
        return delegate.createFlags();
    }

    @Override
    public MailboxMessage copy(Mailbox mailbox) throws MailboxException {
        return delegate.copy(mailbox);
    }

    @Override
    public Optional<Date> getSaveDate() {
        return delegate.getSaveDate();
    }

    @Override
    public MessageId getMessageId() {
        return delegate.getMessageId();
    }

    @Override
    public Date getInternalDate() {
        return delegate.getInternalDate();
    }

    @Override
    public String getMediaType() {
        return delegate.getMediaType();
    }

    @Override
    public String getSubType() {
        return delegate.getSubType();
    }

    @Override
    public long getBodyOctets() {
        return delegate.getBodyOctets();
    }

    @Override
    public long getFullContentOctets() {
        return delegate.getFullContentOctets();
    }

    @Override
    public long getHeaderOctets() {
        return delegate.getHeaderOctets();
    }

    @Override
    public Long getTextualLineCount() {
        return delegate.getTextualLineCount();
    }

    @Override
    public Properties getProperties() {
        return delegate.getProperties();
    }

    @Override
    public List<MessageAttachmentMetadata> getAttachments() {
        return delegate.getAttachments();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + delegate.getMailboxId() + ", " + delegate.getUid() + "]";
    }
}
