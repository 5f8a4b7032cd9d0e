package org.smg.gateway.imap;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.smg.gateway.auth.AccountLogins;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedLoginName;
import org.smg.gateway.maintenance.Maintenance;

/** James's AUTHENTICATE (PLAIN, with or without an initial response), whose password check is followed by the account's decision ({@link AccountGate}). */
public final class AccountCheckedAuthenticateProcessor extends AuthenticateProcessor {
    private final AccountGate gate;

    @Inject
    public AccountCheckedAuthenticateProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory,
                                               AccountLogins logins, Maintenance maintenance, Consents consents) {
        super(mailboxManager, factory, metricFactory);
        this.gate = new AccountGate(logins, maintenance, consents);
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        gate.login(session, request, responder, attempt.getAuthenticationId(),
            (heldSession, heldResponder) -> super.doAuth(attempt, heldSession, request, heldResponder, failed));
    }

    /**
     * PLAIN without an authorization identity but with the authentication identity {@code <citizen>*<representative>}
     * is the same delegation as an authorization identity (James would fail to make one user name of it).
     */
    @Override
    protected void doPlainAuth(String initialClientResponse, ImapSession session, ImapRequest request, Responder responder) {
        Optional<DelegatedLoginName> delegated = PlainResponse.delegatedName(initialClientResponse);
        if (delegated.isEmpty()) {
            super.doPlainAuth(initialClientResponse, session, request, responder);
            return;
        }
        doAuthWithDelegation(delegation(delegated.get().citizen(), delegated.get().representative(),
            PlainResponse.password(initialClientResponse)), session, request, responder);
        session.stopDetectingCommandInjection();
    }

    /** Every delegated login (the a*b name, or an authorization identity): a failure is audited for the citizen's account. */
    @Override
    protected void doAuthWithDelegation(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder) {
        Username representative = attempt.getAuthenticationId();
        Optional<Username> citizen = attempt.getDelegateUserName();
        if (representative == null || citizen.isEmpty()) {
            super.doAuthWithDelegation(attempt, session, request, responder);
            return;
        }
        gate.delegatedLogin(citizen.get(), gate.consentedSession(getMailboxManager(), representative, citizen.get(), attempt.getPassword()),
            session, request, responder, (checked, held, heldResponder) -> super.doAuthWithDelegation(checked::get, held, request, heldResponder));
    }

    @Override
    protected void doAuthWithDelegation(MailboxSessionAuthWithDelegationSupplier supplier, ImapSession session, ImapRequest request,
                                        Responder responder) {
        gate.delegatedLogin(null, supplier::get, session, request, responder,
            (checked, held, heldResponder) -> super.doAuthWithDelegation(checked::get, held, request, heldResponder));
    }

    /** James's delegated path answers failures with its generic text; the answer of a wrong password here is this command's. */
    @Override
    protected void manageFailureCount(ImapSession session, ImapRequest request, Responder responder) {
        manageFailureCount(session, request, responder, HumanReadableText.AUTHENTICATION_FAILED);
    }
}
