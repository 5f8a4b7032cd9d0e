package org.smg.gateway.imap;

import java.sql.SQLException;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;
import org.smg.gateway.enrollment.SessionEnd;

import reactor.core.publisher.Mono;

/**
 * Asks the consent again before every command of a session opened under one: once it is revoked, has
 * ended, or one of its accounts is no longer active, the command is not run and the session ends with
 * an untagged BYE. No job has to run first, and a consent whose end passes needs no event at all.
 * A consent that cannot be read ends the session too (fail closed).
 */
final class ConsentCheckedProcessor implements ImapProcessor {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConsentCheckedProcessor.class);
    static final SessionEnd CONSENT_ENDED = new SessionEnd(SessionEnd.Cause.ACCOUNT_CHANGED,
        "Session ended by the gateway: the consent to act for this account is no longer valid");

    private final ImapProcessor delegate;
    private final Consents consents;

    ConsentCheckedProcessor(ImapProcessor delegate, Consents consents) {
        this.delegate = delegate;
        this.consents = consents;
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        return Mono.defer(() -> {
            DelegatedSession delegated = (DelegatedSession) session.getAttribute(DelegatedSession.ATTRIBUTE);
            if (delegated == null || stillValid(delegated)) {
                return delegate.processReactive(message, responder, session);
            }
            LOGGER.info("delegated IMAP session of {} for {} ended: consent {} no longer valid",
                delegated.representative(), delegated.citizen(), delegated.consentId());
            session.setAttribute(DelegatedSession.ATTRIBUTE, null);
            ImapConnection.of(session).ifPresent(connection -> connection.end(CONSENT_ENDED));
            return Mono.empty();
        });
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
