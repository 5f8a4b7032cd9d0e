package org.smg.gateway.storage;

import java.sql.SQLException;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.store.mail.MessageMapper;

/** James's JPA mapper factory whose message mappers keep bodies in {@link MailboxBodies}. */
public final class StreamedBodyMapperFactory extends JPAMailboxSessionMapperFactory {
    private final EntityManagerFactory entityManagerFactory;
    private final JPAUidProvider uidProvider;
    private final JPAModSeqProvider modSeqProvider;
    private final MailboxBodies bodies;

    @Inject
    public StreamedBodyMapperFactory(EntityManagerFactory entityManagerFactory, JPAUidProvider uidProvider, JPAModSeqProvider modSeqProvider,
                                     MailboxBodies bodies) throws SQLException {
        // James's constructor opens an entity manager, which creates James's tables, JAMES_MAIL among them.
        super(entityManagerFactory, uidProvider, modSeqProvider);
        this.entityManagerFactory = entityManagerFactory;
        this.uidProvider = uidProvider;
        this.modSeqProvider = modSeqProvider;
        this.bodies = bodies;
        bodies.createTable();
    }

    @Override
    public MessageMapper createMessageMapper(MailboxSession session) {
        return new StreamedBodyMessageMapper(uidProvider, modSeqProvider, entityManagerFactory, bodies);
    }
}
