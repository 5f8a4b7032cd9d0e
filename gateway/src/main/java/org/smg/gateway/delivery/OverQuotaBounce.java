package org.smg.gateway.delivery;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes local recipients whose mailboxes cannot take this mail within their quota (attachments.yaml's
 * {@code mailboxQuota}) and returns them to the sender in a DSN, {@code 5.2.2 Mailbox full}. RCPT already answers
 * 452 for a full mailbox; this catches a mail that fitted then but not now, or is larger than the room left.
 * Without it James's LocalDelivery would fail with an {@code OverQuotaException} and the mail would wait in the
 * error repository. It asks the same {@link QuotaManager} the mailbox asks when it stores the mail; a race
 * between the two still ends in the error repository (held), never in a loss.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.delivery.OverQuotaBounce"/>
 * }</pre>
 */
public final class OverQuotaBounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(OverQuotaBounce.class);
    static final String CODE = "5.2.2";
    static final String TEXT = "Mailbox full: the recipient's secure inbox has no room for this message";

    private final UsersRepository users;
    private final QuotaRootResolver roots;
    private final QuotaManager quotas;
    private final Bounces bounces;

    @Inject
    public OverQuotaBounce(UsersRepository users, QuotaRootResolver roots, QuotaManager quotas, Bounces bounces) {
        this.users = users;
        this.roots = roots;
        this.quotas = quotas;
        this.bounces = bounces;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        int returned = bounces.returnRefused(mail, recipient -> failure(recipient, mail), "Undelivered mail: mailbox full",
            "over-quota", getMailetContext());
        if (returned > 0) {
            LOGGER.info("mail {}: {} recipient(s) over their mailbox quota, returned to the sender", mail.getName(), returned);
        }
    }

    private Optional<DeliveryStatusNotice.Failure> failure(MailAddress recipient, Mail mail) throws MessagingException {
        if (getMailetContext().isLocalServer(recipient.getDomain()) && overQuota(recipient, mail.getMessageSize())) {
            return Optional.of(DeliveryStatusNotice.Failure.refused(recipient, CODE, TEXT));
        }
        return Optional.empty();
    }

    private boolean overQuota(MailAddress recipient, long size) throws MessagingException {
        try {
            Quota<QuotaSizeLimit, QuotaSizeUsage> storage =
                quotas.getStorageQuota(roots.getQuotaRoot(MailboxPath.inbox(users.getUsername(recipient))));
            return storage.isOverQuotaWithAdditionalValue(size);
        } catch (UsersRepositoryException | MailboxException e) {
            // Thrown, so the mail goes to the error processor (held) rather than being bounced or delivered unchecked.
            throw new MessagingException("cannot read the quota of a recipient", e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Returns mail for full mailboxes to the sender with a DSN";
    }
}
