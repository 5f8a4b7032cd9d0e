package org.smg.gateway.storage;

import java.io.InputStream;

import org.apache.james.mailbox.store.mail.model.MailboxMessage;

/**
 * A new message as James's JPA mapper should see it: every property of the message (sizes, body
 * offset, MIME properties, flags) but an empty body, so James's row keeps the header and the body
 * goes to {@link MailboxBodies}, streamed, instead of into a {@code byte[]}.
 */
final class HeaderOnlyMessage extends ForwardingMailboxMessage {
    HeaderOnlyMessage(MailboxMessage message) {
        super(message);
    }

    @Override
    public InputStream getBodyContent() {
        return InputStream.nullInputStream();
    }
}
