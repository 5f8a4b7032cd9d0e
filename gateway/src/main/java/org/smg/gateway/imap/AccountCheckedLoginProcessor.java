package org.smg.gateway.imap;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.smg.gateway.auth.AccountLogins;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.maintenance.Maintenance;

/** James's LOGIN, whose password check is followed by the account's decision ({@link AccountGate}). */
public final class AccountCheckedLoginProcessor extends LoginProcessor {
    private final AccountGate gate;

    @Inject
    public AccountCheckedLoginProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory,
                                        AccountLogins logins, Maintenance maintenance, Consents consents) {
        super(mailboxManager, factory, metricFactory);
        this.gate = new AccountGate(logins, maintenance, consents);
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        if (request instanceof DelegatedLoginRequest delegated) {
            // <citizen>*<representative>: the representative's password, the citizen's mailbox, if a consent allows.
            doAuthWithDelegation(delegation(delegated.citizen(), attempt.getAuthenticationId(), attempt.getPassword()),
                session, request, responder);
            return;
        }
        gate.login(session, request, responder, attempt.getAuthenticationId(),
            (heldSession, heldResponder) -> super.doAuth(attempt, heldSession, request, heldResponder, failed));
    }

    @Override
    public List<Class<? extends LoginRequest>> acceptableClasses() {
        return List.of(LoginRequest.class, DelegatedLoginRequest.class);
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
        manageFailureCount(session, request, responder, HumanReadableText.INVALID_LOGIN);
    }
}
