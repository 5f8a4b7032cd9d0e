package org.smg.gateway.smtp;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a local recipient whose mailboxes already use their whole quota (attachments.yaml's
 * {@code mailboxQuota}) with {@code 452 4.2.2 Mailbox full}: a 4xx, so the sender's server tries again once the
 * citizen has made room. Asks James's own {@link QuotaManager}, which the mailbox also asks at delivery. A mail
 * that fits at RCPT but not at delivery is returned by {@code OverQuotaBounce}. Runs after
 * {@link ActiveRecipientsOnly}, so only active local accounts get here.
 */
public final class MailboxNotFull implements RcptHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailboxNotFull.class);

    private final UsersRepository users;
    private final QuotaRootResolver roots;
    private final QuotaManager quotas;

    @Inject
    public MailboxNotFull(UsersRepository users, QuotaRootResolver roots, QuotaManager quotas) {
        this.users = users;
        this.roots = roots;
        this.quotas = quotas;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        try {
            Username user = users.getUsername(recipient);
            Quota<QuotaSizeLimit, QuotaSizeUsage> storage = quotas.getStorageQuota(roots.getQuotaRoot(MailboxPath.inbox(user)));
            if (!storage.getLimit().isLimited() || storage.getUsed().asLong() < storage.getLimit().asLong()) {
                return HookResult.DECLINED;
            }
            LOGGER.info("session {}: RCPT refused, mailbox of {} is full", session.getSessionID(), user.asString());
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("452")
                .smtpDescription("4.2.2 Mailbox full")
                .build();
        } catch (UsersRepositoryException | MailboxException | RuntimeException e) {
            LOGGER.warn("session {}: cannot read the quota of a recipient", session.getSessionID(), e);
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient; try again later")
                .build();
        }
    }
}
