package org.smg.gateway.storage;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MimeDescriptor;

/** A fetched message whose MIME description names the implicit charset as RFC 2045 does (see {@link ImplicitCharsetMimeDescriptor}). */
final class ImplicitCharsetMessageResult extends ForwardingMessageResult {
    private ImplicitCharsetMessageResult(MessageResult delegate) {
        super(delegate);
    }

    static MessageResult of(MessageResult result) {
        if (result instanceof ImplicitCharsetMessageResult) {
            return result;
        }
        return new ImplicitCharsetMessageResult(result);
    }

    @Override
    public MimeDescriptor getMimeDescriptor() throws MailboxException {
        return ImplicitCharsetMimeDescriptor.of(delegate().getMimeDescriptor());
    }
}
