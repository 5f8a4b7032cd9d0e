package org.smg.gateway.web.mail;

import org.apache.james.mailbox.exception.MailboxException;
import org.smg.gateway.consent.ConsentScope;

/** A change to the citizen's mailboxes that the representative's consent does not allow (moving, deleting). */
public final class ConsentScopeException extends MailboxException {
    public ConsentScopeException(ConsentScope scope) {
        super("The consent to act for this account allows " + (scope == ConsentScope.READ_REPLY ? "reading and replying" : "reading")
            + " only; moving or deleting messages would change the citizen's mailbox.");
    }
}
