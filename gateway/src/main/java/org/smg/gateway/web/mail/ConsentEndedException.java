package org.smg.gateway.web.mail;

import org.apache.james.mailbox.exception.MailboxException;

/** The consent behind the inbox a representative switched to is no longer valid: the page falls back to their own inbox. */
public final class ConsentEndedException extends MailboxException {
    private final String citizen;

    public ConsentEndedException(String citizen) {
        super("the consent to act for this account is no longer valid");
        this.citizen = citizen;
    }

    /** The citizen whose inbox was shown until now. */
    public String citizen() {
        return citizen;
    }
}
