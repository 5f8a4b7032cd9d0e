package org.smg.gateway.imap;

import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.AppendRequest;
import org.apache.james.imap.message.request.CloseRequest;
import org.apache.james.imap.message.response.UnpooledStatusResponseFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;

import reactor.core.publisher.Mono;

/**
 * Asks the consent again before every command of a session opened under one: once it is revoked, has
 * ended, or one of its accounts is no longer active, the command is not run and the session ends with
 * an untagged BYE. No job has to run first, and a consent whose end passes needs no event at all.
 * A consent that cannot be read ends the session too (fail closed).
 *
 * <p>A command the consent's scope does not allow ({@link DelegatedScopeRule}) is answered {@code NO} and
 * not run. CLOSE deselects without expunging: James's CLOSE would expunge, since the session is the owner's.
 */
final class ConsentCheckedProcessor implements ImapProcessor {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConsentCheckedProcessor.class);

    private final ImapProcessor delegate;
    private final Consents consents;
    private final UnpooledStatusResponseFactory responses = new UnpooledStatusResponseFactory();

    ConsentCheckedProcessor(ImapProcessor delegate, Consents consents) {
        this.delegate = delegate;
        this.consents = consents;
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        return Mono.defer(() -> {
            DelegatedSession delegated = (DelegatedSession) session.getAttribute(DelegatedSession.ATTRIBUTE);
            if (delegated == null) {
                return delegate.processReactive(message, responder, session);
            }
            if (stillValid(delegated)) {
                return withinScope(message, responder, session, delegated);
            }
            LOGGER.info("delegated IMAP session of {} for {} ended: consent {} no longer valid",
                delegated.representative(), delegated.citizen(), delegated.consentId());
            session.setAttribute(DelegatedSession.ATTRIBUTE, null);
            releaseLiteral(message);
            ImapConnection.of(session).ifPresent(connection -> connection.end(Consents.CONSENT_ENDED));
            return Mono.empty();
        });
    }

    private Mono<Void> withinScope(ImapMessage message, Responder responder, ImapSession session, DelegatedSession delegated) {
        if (message instanceof CloseRequest close) {
            if (session.getSelected() == null) {
                // Nothing to close: James gives its usual answer.
                return delegate.processReactive(message, responder, session);
            }
            return session.deselect().then(Mono.fromRunnable(() -> {
                responder.respond(responses.taggedOk(close.getTag(), close.getCommand(), HumanReadableText.COMPLETED));
                responder.flush();
            }));
        }
        Optional<String> refusal = DelegatedScopeRule.refusal(message, delegated.scope());
        if (refusal.isEmpty() || !(message instanceof ImapRequest request)) {
            return delegate.processReactive(message, responder, session);
        }
        LOGGER.info("delegated IMAP session of {} for {} under consent {}: {} refused by scope {}",
            delegated.representative(), delegated.citizen(), delegated.consentId(), request.getCommand().getName(), delegated.scope().word());
        releaseLiteral(message);
        responder.respond(responses.taggedNo(request.getTag(), null, new HumanReadableText("org.smg.gateway.imap.CONSENT_SCOPE", refusal.get())));
        responder.flush();
        return Mono.empty();
    }

    /** A refused APPEND is never stored, so James never closes its message: closing it here deletes its encrypted spool file now. */
    private static void releaseLiteral(ImapMessage message) {
        if (message instanceof AppendRequest append && append.getMessage() instanceof Closeable literal) {
            try {
                literal.close();
            } catch (IOException | RuntimeException e) {
                LOGGER.warn("spooled APPEND literal of a refused command could not be released: {}", e.toString());
            }
        }
    }

    private boolean stillValid(DelegatedSession delegated) {
        try {
            return consents.stillValid(delegated.consentId());
        } catch (SQLException e) {
            LOGGER.warn("consent {} could not be read: {}", delegated.consentId(), e.toString());
            return false;
        }
    }

    @Override
    public void configure(ImapConfiguration imapConfiguration) {
        delegate.configure(imapConfiguration);
    }
}
