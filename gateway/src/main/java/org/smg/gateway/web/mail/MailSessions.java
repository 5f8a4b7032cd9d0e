package org.smg.gateway.web.mail;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.smg.gateway.web.SignedIn;

/**
 * James's mailbox session for the inbox the signed-in person is looking at: their own, or, for a representative who
 * switched to a citizen's inbox, the citizen's, opened through {@code authenticate(representative).as(citizen)} so that
 * the consent and its read-only scope are enforced by the mailbox layer, not by the page.
 */
public final class MailSessions {
    private final MailboxManager mailboxes;

    @Inject
    public MailSessions(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    public MailboxSession open(SignedIn.Citizen citizen) throws MailboxException {
        Username person = Username.of(citizen.address());
        if (citizen.session().actingFor().isPresent()) {
            return mailboxes.authenticate(person).as(Username.of(citizen.session().actingFor().get()));
        }
        return mailboxes.authenticate(person).withoutDelegation();
    }
}
