package org.smg.mailets;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.james.events.InVMEventBus;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.events.RetryBackoffConfiguration;
import org.apache.james.events.delivery.InVmEventDelivery;
import org.apache.james.mailbox.Authorizator;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.acl.UnionMailboxACLResolver;
import org.apache.james.mailbox.jpa.JPAAttachmentContentLoader;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMailboxManager;
import org.apache.james.mailbox.store.SessionProviderImpl;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.extractor.DefaultTextExtractor;
import org.apache.james.mailbox.store.mail.NaiveThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.quota.DefaultUserQuotaRootResolver;
import org.apache.james.mailbox.store.quota.NoMaxQuotaManager;
import org.apache.james.mailbox.store.quota.NoQuotaManager;
import org.apache.james.mailbox.store.quota.QuotaComponents;
import org.apache.james.mailbox.store.search.SimpleMessageSearchIndex;
import org.apache.james.metrics.tests.RecordingMetricFactory;

/**
 * The mailbox the gateway delivers into (James's JPA mailbox with the scanning search index),
 * wired by hand on a fresh in-memory Derby database. James's in-memory mailbox is not among the
 * build's dependencies; this one is, and it searches headers exactly as the gateway does.
 */
final class JpaMailbox implements AutoCloseable {
    private final EntityManagerFactory entityManagerFactory;
    private final OpenJPAMailboxManager manager;

    JpaMailbox() {
        entityManagerFactory = Persistence.createEntityManagerFactory("smg-mailets-test", Map.of(
            "openjpa.ConnectionURL", "jdbc:derby:memory:mailbox-" + UUID.randomUUID() + ";create=true"));
        JPAMailboxSessionMapperFactory mappers = new JPAMailboxSessionMapperFactory(entityManagerFactory,
            new JPAUidProvider(entityManagerFactory), new JPAModSeqProvider(entityManagerFactory));
        SessionProviderImpl sessions = new SessionProviderImpl((user, password) -> false,
            (user, other) -> Authorizator.AuthorizationState.FORBIDDEN);
        InVMEventBus eventBus = new InVMEventBus(new InVmEventDelivery(new RecordingMetricFactory()),
            RetryBackoffConfiguration.DEFAULT, new MemoryEventDeadLetters());
        StoreRightManager rights = new StoreRightManager(mappers, new UnionMailboxACLResolver(), eventBus);
        manager = new OpenJPAMailboxManager(mappers, sessions, new MessageParser(), new DefaultMessageId.Factory(),
            eventBus, new StoreMailboxAnnotationManager(mappers, rights), rights,
            new QuotaComponents(new NoMaxQuotaManager(), new NoQuotaManager(), new DefaultUserQuotaRootResolver(sessions, mappers)),
            new SimpleMessageSearchIndex(mappers, mappers, new DefaultTextExtractor(), new JPAAttachmentContentLoader()),
            new NaiveThreadIdGuessingAlgorithm(), Clock.systemUTC());
    }

    MailboxManager manager() {
        return manager;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
    }
}
