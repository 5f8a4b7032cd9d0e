package org.smg.gateway.storage;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMailboxManager;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.store.StoreMailboxAnnotationManager;
import org.apache.james.mailbox.store.StoreMessageManager;
import org.apache.james.mailbox.store.StoreRightManager;
import org.apache.james.mailbox.store.mail.ThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.model.impl.MessageParser;
import org.apache.james.mailbox.store.quota.QuotaComponents;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;

/**
 * James's OpenJPA mailbox manager whose mailboxes hand out messages described as stock James 3.8.1
 * describes them: the implicit charset of a text part is {@code us-ascii}, not mime4j 0.8.11's
 * {@code US-ASCII} (see {@link ImplicitCharsetMimeDescriptor}). Everything else is James's.
 */
public final class ImplicitCharsetMailboxManager extends OpenJPAMailboxManager {
    @Inject
    public ImplicitCharsetMailboxManager(JPAMailboxSessionMapperFactory mapperFactory, SessionProvider sessionProvider, MessageParser messageParser,
                                 MessageId.Factory messageIdFactory, EventBus eventBus, StoreMailboxAnnotationManager annotationManager,
                                 StoreRightManager storeRightManager, QuotaComponents quotaComponents, MessageSearchIndex index,
                                 ThreadIdGuessingAlgorithm threadIdGuessingAlgorithm, Clock clock) {
        super(mapperFactory, sessionProvider, messageParser, messageIdFactory, eventBus, annotationManager, storeRightManager,
            quotaComponents, index, threadIdGuessingAlgorithm, clock);
    }

    @Override
    protected StoreMessageManager createMessageManager(Mailbox mailbox, MailboxSession session) {
        return new ImplicitCharsetMessageManager(this, mailbox);
    }

    /** James's OpenJPA mailbox, built with the same collaborators as {@link OpenJPAMailboxManager} builds it, whose fetched messages go through {@link ImplicitCharsetMessageResult}. */
    private static final class ImplicitCharsetMessageManager extends OpenJPAMessageManager {
        private ImplicitCharsetMessageManager(ImplicitCharsetMailboxManager manager, Mailbox mailbox) {
            super(manager.getMapperFactory(), manager.getMessageSearchIndex(), manager.getEventBus(), manager.getLocker(), mailbox,
                manager.getQuotaComponents().getQuotaManager(), manager.getQuotaComponents().getQuotaRootResolver(),
                manager.getMessageIdFactory(), manager.configuration.getBatchSizes(), manager.getStoreRightManager(),
                manager.getThreadIdGuessingAlgorithm(), manager.getClock());
        }

        @Override
        public MessageResultIterator getMessages(MessageRange set, FetchGroup fetchGroup, MailboxSession session) {
            MessageResultIterator results = super.getMessages(set, fetchGroup, session);
            return new MessageResultIterator() {
                @Override
                public boolean hasNext() {
                    return results.hasNext();
                }

                @Override
                public MessageResult next() {
                    return ImplicitCharsetMessageResult.of(results.next());
                }

                @Override
                public MailboxException getException() {
                    return results.getException();
                }
            };
        }

        @Override
        public Publisher<MessageResult> getMessagesReactive(MessageRange set, FetchGroup fetchGroup, MailboxSession session) {
            return Flux.from(super.getMessagesReactive(set, fetchGroup, session)).map(ImplicitCharsetMessageResult::of);
        }
    }
}
