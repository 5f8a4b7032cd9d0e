package org.smg.gateway.imap;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;

import reactor.core.publisher.Mono;

/** James's IMAP processor, telling the connection's {@link CommandWindow} when each command has been answered. */
final class CompletionReportingProcessor implements ImapProcessor {
    private final ImapProcessor james;

    CompletionReportingProcessor(ImapProcessor james) {
        this.james = james;
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        return james.processReactive(message, responder, session)
            .doFinally(signal -> CommandWindow.completed(session));
    }

    @Override
    public void process(ImapMessage message, Responder responder, ImapSession session) {
        processReactive(message, responder, session).block();
    }

    @Override
    public void configure(ImapConfiguration imapConfiguration) {
        james.configure(imapConfiguration);
    }
}
