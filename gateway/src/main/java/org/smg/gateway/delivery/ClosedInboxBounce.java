package org.smg.gateway.delivery;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.smg.gateway.enrollment.RecipientStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes local recipients whose secure inbox is not active now (no account, invitation not yet
 * used, suspended, opted out) and returns them to the sender in a DSN with the same code and text
 * the RCPT refusal gives. RCPT already refuses them; this catches a state that changed while the
 * mail waited in the queue. Runs in the transport processor before {@code LocalDelivery}.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.delivery.ClosedInboxBounce"/>
 * }</pre>
 *
 * <p>When the account store cannot be read the mailet throws, so the mail goes to the error
 * processor (held) rather than into an inbox that may be closed.
 */
public final class ClosedInboxBounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ClosedInboxBounce.class);

    private final RecipientPolicy policy;
    private final Bounces bounces;

    @Inject
    public ClosedInboxBounce(RecipientPolicy policy, Bounces bounces) {
        this.policy = policy;
        this.bounces = bounces;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        int returned = bounces.returnRefused(mail, this::failure, "Undelivered mail: no active secure inbox", "closed-inbox",
            getMailetContext());
        if (returned > 0) {
            LOGGER.info("mail {}: {} recipient(s) without an active secure inbox, returned to the sender", mail.getName(), returned);
        }
    }

    private Optional<DeliveryStatusNotice.Failure> failure(MailAddress recipient) throws MessagingException {
        return refusal(recipient).map(status -> DeliveryStatusNotice.Failure.refused(recipient, status.enhancedCode(), status.text()));
    }

    private Optional<RecipientStatus> refusal(MailAddress recipient) throws MessagingException {
        if (!getMailetContext().isLocalServer(recipient.getDomain())) {
            return Optional.empty();
        }
        try {
            return policy.refusal(recipient);
        } catch (SQLException e) {
            throw new MessagingException("cannot read the account of a recipient", e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Returns mail for closed secure inboxes to the sender with a DSN";
    }
}
