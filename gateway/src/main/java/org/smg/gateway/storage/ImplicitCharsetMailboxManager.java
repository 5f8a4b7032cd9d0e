package org.smg.gateway.storage;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import javax.mail.Flags;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.MessageFactory;
import org.apache.james.mailbox.store.MessageStorer;
import org.apache.james.mailbox.store.PreDeletionHooks;
import org.apache.james.mailbox.store.StoreMailboxManager;
import org.apache.james.mailbox.store.mail.MessageMapper;

import javax.inject.Inject;

import org.apache.james.events.EventBus;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.openjpa.OpenJPAMailboxManager;
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
import reactor.core.publisher.Mono;

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

    /**
     * James's OpenJPA mailbox with three changes: fetched messages go through {@link ImplicitCharsetMessageResult},
     * their sections stream from the stored message ({@link StreamedSectionsMessageResult}), and an appended message
     * reaches the mapper with its content still a stream (James's {@link MessageFactory.StoreMessageFactory})
     * instead of James's JPA entity, which reads the whole body into a {@code byte[]}; {@link StreamedBodyMessageMapper}
     * streams it into {@link MailboxBodies}. What {@code OpenJPAMessageManager} adds to James's store is kept: user flags
     * are permanent, and the metadata queries of one entity manager run one after the other (an entity manager is
     * not thread-safe).
     */
    private static final class ImplicitCharsetMessageManager extends StoreMessageManager {
        private final StoreRightManager rightManager;
        private final MailboxSessionMapperFactory mapperFactory;

        private ImplicitCharsetMessageManager(ImplicitCharsetMailboxManager manager, Mailbox mailbox) {
            super(StoreMailboxManager.DEFAULT_NO_MESSAGE_CAPABILITIES, manager.getMapperFactory(), manager.getMessageSearchIndex(),
                manager.getEventBus(), manager.getLocker(), mailbox, manager.getQuotaComponents().getQuotaManager(),
                manager.getQuotaComponents().getQuotaRootResolver(), manager.configuration.getBatchSizes(), manager.getStoreRightManager(),
                PreDeletionHooks.NO_PRE_DELETION_HOOK,
                new MessageStorer.WithoutAttachment(manager.getMapperFactory(), manager.getMessageIdFactory(),
                    new MessageFactory.StoreMessageFactory(), manager.getThreadIdGuessingAlgorithm(), manager.getClock()));
            this.rightManager = manager.getStoreRightManager();
            this.mapperFactory = manager.getMapperFactory();
        }

        @Override
        public Flags getPermanentFlags(MailboxSession session) {
            Flags flags = super.getPermanentFlags(session);
            flags.add(Flags.Flag.USER);
            return flags;
        }

        @Override
        public Mono<MailboxMetaData> getMetaDataReactive(MailboxMetaData.RecentMode recentMode, MailboxSession session,
                                                         EnumSet<MailboxMetaData.Item> items) throws MailboxException {
            MailboxACL acl = getResolvedAcl(session);
            Mailbox mailbox = getMailboxEntity();
            if (!rightManager.hasRight(mailbox, MailboxACL.Right.Read, session)) {
                return Mono.just(MailboxMetaData.sensibleInformationFree(acl, mailbox.getUidValidity(), isWriteable(session)));
            }
            Flags permanentFlags = getPermanentFlags(session);
            MessageMapper mapper = mapperFactory.getMessageMapper(session);
            Mono<MailboxMetaData> sequential = nextUid(mapper, items)
                .flatMap(nextUid -> highestModSeq(mapper, items)
                .flatMap(highestModSeq -> firstUnseen(mapper, items)
                .flatMap(firstUnseen -> recentOf(recentMode, session)
                .flatMap(recent -> mailboxCounters(mapper, items)
                .map(counters -> new MailboxMetaData(recent, permanentFlags, mailbox.getUidValidity(), nextUid, highestModSeq,
                    counters.getCount(), counters.getUnseen(), firstUnseen.orElse(null), isWriteable(session), acl))))));
            return mapper.executeReactive(sequential);
        }

        private Mono<List<MessageUid>> recentOf(MailboxMetaData.RecentMode recentMode, MailboxSession session) {
            try {
                return recent(recentMode, session);
            } catch (MailboxException e) {
                return Mono.error(e);
            }
        }

        @Override
        public MessageResultIterator getMessages(MessageRange set, FetchGroup fetchGroup, MailboxSession session) {
            MessageResultIterator results = super.getMessages(set, StreamedSectionsMessageResult.withoutSectionContent(fetchGroup), session);
            return new MessageResultIterator() {
                @Override
                public boolean hasNext() {
                    return results.hasNext();
                }

                @Override
                public MessageResult next() {
                    return ImplicitCharsetMessageResult.of(StreamedSectionsMessageResult.of(results.next(), fetchGroup));
                }

                @Override
                public MailboxException getException() {
                    return results.getException();
                }
            };
        }

        @Override
        public Publisher<MessageResult> getMessagesReactive(MessageRange set, FetchGroup fetchGroup, MailboxSession session) {
            return Flux.from(super.getMessagesReactive(set, StreamedSectionsMessageResult.withoutSectionContent(fetchGroup), session))
                .map(result -> ImplicitCharsetMessageResult.of(StreamedSectionsMessageResult.of(result, fetchGroup)));
        }
    }
}
