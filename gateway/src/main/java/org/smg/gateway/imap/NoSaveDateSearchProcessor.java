package org.smg.gateway.imap;

import javax.inject.Inject;

import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.SearchRequest;
import org.apache.james.imap.processor.SearchProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

import reactor.core.publisher.Mono;

/**
 * James's SEARCH processor that answers {@code BAD} to SAVEDBEFORE, SAVEDON, SAVEDSINCE and
 * SAVEDATESUPPORTED instead of silently matching nothing.
 */
public final class NoSaveDateSearchProcessor extends SearchProcessor {
    @Inject
    public NoSaveDateSearchProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory) {
        super(mailboxManager, factory, metricFactory);
    }

    @Override
    protected Mono<Void> processRequestReactive(SearchRequest request, ImapSession session, Responder responder) {
        if (SaveDateUnsupported.mentionedIn(request.getSearchOperation().getSearchKey())) {
            return Mono.fromRunnable(() -> taggedBad(request, responder, SaveDateUnsupported.REFUSAL));
        }
        return super.processRequestReactive(request, session, responder);
    }
}
