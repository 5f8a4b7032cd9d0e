package org.smg.gateway.imap;

import javax.inject.Inject;

import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.smg.gateway.auth.AccountLogins;
import org.smg.gateway.maintenance.Maintenance;

/** James's AUTHENTICATE (PLAIN, with or without an initial response), whose password check is followed by the account's decision ({@link AccountGate}). */
public final class AccountCheckedAuthenticateProcessor extends AuthenticateProcessor {
    private final AccountGate gate;

    @Inject
    public AccountCheckedAuthenticateProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory,
                                               AccountLogins logins, Maintenance maintenance) {
        super(mailboxManager, factory, metricFactory);
        this.gate = new AccountGate(logins, maintenance);
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        gate.login(session, request, responder, attempt.getAuthenticationId(),
            (heldSession, heldResponder) -> super.doAuth(attempt, heldSession, request, heldResponder, failed));
    }

    @Override
    protected void doAuthWithDelegation(MailboxSessionAuthWithDelegationSupplier supplier, ImapSession session, ImapRequest request,
                                        Responder responder) {
        gate.login(session, request, responder, null,
            (heldSession, heldResponder) -> super.doAuthWithDelegation(supplier, heldSession, request, heldResponder));
    }
}
