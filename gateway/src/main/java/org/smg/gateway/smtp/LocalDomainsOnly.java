package org.smg.gateway.smtp;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Relay port: refuses recipients outside the gateway's own domains, authenticated or not: the gateway
 * is never a relay to the Internet. (On the submission ports {@link CitizenRecipientsOnly} decides every
 * recipient first: a citizen reaches staff only through topic and reply addresses.)
 */
public final class LocalDomainsOnly implements RcptHook {
    private final DomainList domains;

    @Inject
    public LocalDomainsOnly(DomainList domains) {
        this.domains = domains;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        try {
            if (domains.containsDomain(recipient.getDomain())) {
                return HookResult.DECLINED;
            }
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode("550")
                .smtpDescription("5.7.1 Relaying denied: this gateway delivers only to its own secure inboxes")
                .build();
        } catch (DomainListException e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient domain; try again later")
                .build();
        }
    }
}
