package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;

import org.apache.james.mailbox.store.mail.model.MailboxMessage;

/**
 * A message read from the mailbox: James's row (metadata and header) with the body from
 * {@link MailboxBodies}, copied out of the database at the first read and kept for the later
 * ones (a FETCH reads it several times). A message stored before bodies had their own table keeps
 * its body in James's row and is read from there.
 */
final class StoredBodyMessage extends ForwardingMailboxMessage {
    private final MailboxBodies bodies;
    private final long mailboxId;
    private Optional<MailboxBodies.Body> body;

    StoredBodyMessage(MailboxMessage entity, MailboxBodies bodies, long mailboxId) {
        super(entity);
        this.bodies = bodies;
        this.mailboxId = mailboxId;
    }

    /** James's entity, for the mapper's own saves (flag updates, copies). */
    MailboxMessage entity() {
        return delegate();
    }

    @Override
    public InputStream getBodyContent() throws IOException {
        Optional<MailboxBodies.Body> stored = body();
        if (stored.isPresent()) {
            return stored.get().open();
        }
        return delegate().getBodyContent();
    }

    @Override
    public InputStream getFullContent() throws IOException {
        return new SequenceInputStream(getHeaderContent(), getBodyContent());
    }

    private synchronized Optional<MailboxBodies.Body> body() throws IOException {
        if (body == null) {
            body = bodies.read(mailboxId, getUid().asLong());
        }
        return body;
    }
}
