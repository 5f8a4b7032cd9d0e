package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.util.Optional;

import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.smg.gateway.consent.ConsentScope;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;

/**
 * What a citizen's submitted mail must pass and carry, whichever door it came through (the submission ports or
 * the web view): a representative may send only under a consent still valid and of scope {@code read-reply};
 * the mail carries the authenticated account (James's {@link Mail#SMTP_AUTH_USER}, from which the pipeline routes
 * it to staff), the client's address, and for a representative {@link ConsentAllowsSending#ON_BEHALF_OF}, from
 * which the routing writes {@code X-SMG-On-Behalf-Of}.
 */
public final class Submission {
    private Submission() {
    }

    /** Why the representative may not send for the citizen now, or empty when they may. */
    public static Optional<String> consentRefusal(Consents consents, DelegatedSession delegated) throws SQLException {
        if (!consents.stillValid(delegated.consentId())) {
            return Optional.of("The consent to act for " + delegated.citizen() + " is no longer valid; nothing was sent");
        }
        if (delegated.scope() != ConsentScope.READ_REPLY) {
            return Optional.of("The consent to act for " + delegated.citizen()
                + " allows reading only, not sending; a read-reply consent is needed to reply on their behalf");
        }
        return Optional.empty();
    }

    /** Marks the mail as sent by the representative under the consent. */
    public static void onBehalfOf(Mail mail, DelegatedSession delegated) {
        mail.setAttribute(new Attribute(ConsentAllowsSending.ON_BEHALF_OF,
            AttributeValue.of(delegated.representative() + " consent=" + delegated.consentId())));
    }

    /**
     * Records the authenticated account (none when {@code account} is null) and the client, as James's SMTP server does
     * for a mail it queues.
     */
    public static void authenticated(Mail mail, String account, String clientAddress, String clientHost) {
        if (account != null) {
            mail.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(account)));
        }
        if (mail instanceof MailImpl impl) {
            impl.setRemoteAddr(clientAddress);
            impl.setRemoteHost(clientHost);
        }
    }
}
