package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.jpa.mail.JPAMessageMapper;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.openjpa.persistence.OpenJPAPersistence;

import com.google.common.collect.Iterators;

import reactor.core.publisher.Flux;

/**
 * James's JPA message mapper with bodies in {@link MailboxBodies} instead of James's
 * {@code byte[]} column: an append writes James's row with the header and an empty body, then
 * streams the body into its own row in the same transaction; a copy (and so a MOVE) copies the
 * body row inside the database; deletions cascade through the foreign key. Messages read back
 * are {@link StoredBodyMessage}s that fetch their body when asked.
 */
final class StreamedBodyMessageMapper extends JPAMessageMapper {
    private final MailboxBodies bodies;

    StreamedBodyMessageMapper(JPAUidProvider uidProvider, JPAModSeqProvider modSeqProvider, EntityManagerFactory entityManagerFactory,
                              MailboxBodies bodies) {
        super(uidProvider, modSeqProvider, entityManagerFactory);
        this.bodies = bodies;
    }

    @Override
    public MessageMetaData add(Mailbox mailbox, MailboxMessage message) throws MailboxException {
        MessageMetaData added = super.add(mailbox, new HeaderOnlyMessage(message));
        try (Connection connection = transactionConnection(); InputStream body = message.getBodyContent()) {
            bodies.insert(connection, rawId(mailbox), added.getUid().asLong(), body);
        } catch (SQLException | IOException | PersistenceException e) {
            throw new MailboxException("cannot store the body of message " + added.getUid() + " in mailbox " + mailbox.getMailboxId(), e);
        }
        return added;
    }

    @Override
    public MessageMetaData copy(Mailbox mailbox, MailboxMessage original) throws MailboxException {
        MessageMetaData copied = super.copy(mailbox, entity(original));
        try (Connection connection = transactionConnection()) {
            bodies.copy(connection, ((JPAId) original.getMailboxId()).getRawId(), original.getUid().asLong(),
                rawId(mailbox), copied.getUid().asLong());
        } catch (SQLException | PersistenceException e) {
            throw new MailboxException("cannot copy the body of message " + original.getUid() + " to mailbox " + mailbox.getMailboxId(), e);
        }
        return copied;
    }

    @Override
    public Iterator<MailboxMessage> findInMailbox(Mailbox mailbox, MessageRange set, MessageMapper.FetchType type, int max) throws MailboxException {
        long mailboxId = rawId(mailbox);
        return Iterators.transform(super.findInMailbox(mailbox, set, type, max), message -> withStoredBody(message, mailboxId));
    }

    @Override
    public Flux<MailboxMessage> findInMailboxReactive(Mailbox mailbox, MessageRange set, MessageMapper.FetchType type, int limit) {
        long mailboxId = rawId(mailbox);
        return super.findInMailboxReactive(mailbox, set, type, limit).map(message -> withStoredBody(message, mailboxId));
    }

    /** James saves messages it read to update their flags: it must get its own entity back, not our view of it. */
    @Override
    protected MessageMetaData save(Mailbox mailbox, MailboxMessage message) throws MailboxException {
        return super.save(mailbox, entity(message));
    }

    private MailboxMessage withStoredBody(MailboxMessage message, long mailboxId) {
        return new StoredBodyMessage(message, bodies, mailboxId);
    }

    private static MailboxMessage entity(MailboxMessage message) {
        if (message instanceof StoredBodyMessage) {
            return ((StoredBodyMessage) message).entity();
        }
        return message;
    }

    /**
     * The connection of the running JPA transaction, after James's pending rows were written so
     * that the body's foreign key finds them. Closing it hands it back to OpenJPA, which commits
     * or rolls back the body with James's rows.
     */
    private Connection transactionConnection() {
        getEntityManager().flush();
        return (Connection) OpenJPAPersistence.cast(getEntityManager()).getConnection();
    }

    private static long rawId(Mailbox mailbox) {
        return ((JPAId) mailbox.getMailboxId()).getRawId();
    }
}
