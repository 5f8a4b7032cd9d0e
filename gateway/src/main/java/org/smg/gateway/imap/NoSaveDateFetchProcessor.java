package org.smg.gateway.imap;

import javax.inject.Inject;

import org.apache.james.imap.api.message.FetchData;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.FetchRequest;
import org.apache.james.imap.processor.fetch.FetchProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

import reactor.core.publisher.Mono;

/** James's FETCH processor that answers {@code BAD} to the {@code SAVEDATE} item instead of {@code SAVEDATE NIL}. */
public final class NoSaveDateFetchProcessor extends FetchProcessor {
    @Inject
    public NoSaveDateFetchProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory) {
        super(mailboxManager, factory, metricFactory);
    }

    @Override
    protected Mono<Void> processRequestReactive(FetchRequest request, ImapSession session, Responder responder) {
        if (request.getFetch().contains(FetchData.Item.SAVEDATE)) {
            return Mono.fromRunnable(() -> taggedBad(request, responder, SaveDateUnsupported.REFUSAL));
        }
        return super.processRequestReactive(request, session, responder);
    }
}
