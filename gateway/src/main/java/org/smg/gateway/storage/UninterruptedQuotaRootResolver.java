package org.smg.gateway.storage;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.quota.DefaultUserQuotaRootResolver;
import org.reactivestreams.Publisher;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * James's per-user quota root resolver, except that the mailboxes of a quota root are read to the
 * end before they are handed on, so that a reader who stops early cannot interrupt the database.
 *
 * <p>Why: James's GETQUOTA (its {@code GetQuotaProcessor}) stops reading a quota root's mailboxes
 * after the first one ({@code hasElements}) and, on the same thread, reads the quota. The JPA mailbox
 * mapper lists mailboxes on a Reactor worker ({@code subscribeOn}); when the stop reaches that work
 * before the subscribing thread has recorded it, Reactor cancels the still running task with
 * {@code Future.cancel(true)}, which interrupts the worker, now inside the quota query. Derby treats
 * an interrupt as a request to abort: {@code 08000 Connection closed by unknown interrupt}, and
 * GETQUOTA answered {@code NO GETQUOTA processing failed}, depending on timing.
 */
public final class UninterruptedQuotaRootResolver extends DefaultUserQuotaRootResolver {
    @Inject
    public UninterruptedQuotaRootResolver(SessionProvider sessionProvider, MailboxSessionMapperFactory factory) {
        super(sessionProvider, factory);
    }

    @Override
    public Flux<Mailbox> retrieveAssociatedMailboxes(QuotaRoot quotaRoot, MailboxSession session) {
        return readFully(super.retrieveAssociatedMailboxes(quotaRoot, session));
    }

    /**
     * The elements of {@code source}, read to the end on the subscribing thread before the first is
     * emitted: stopping early then cancels nothing that still runs.
     */
    static <T> Flux<T> readFully(Publisher<T> source) {
        return Flux.defer(() -> {
            try {
                List<T> elements = Flux.from(source).collectList().block();
                return Flux.fromIterable(elements);
            } catch (RuntimeException e) {
                return Flux.error(Exceptions.unwrap(e));
            }
        });
    }
}
