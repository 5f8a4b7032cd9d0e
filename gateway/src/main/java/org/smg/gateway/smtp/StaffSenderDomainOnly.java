package org.smg.gateway.smtp;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.model.PolicyHolder;

/**
 * Relay port: MAIL FROM must be in one of the staff sender domains of routing.yaml (exact domain,
 * without case), else {@code 550 5.7.1}. The null reverse-path of a staff MTA's bounce passes here; its
 * {@code From:} header is held to the same domains at the end of DATA ({@link StaffAuthorAgrees}).
 */
public final class StaffSenderDomainOnly implements MailHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffSenderDomainOnly.class);

    private final PolicyHolder policies;

    @Inject
    public StaffSenderDomainOnly(PolicyHolder policies) {
        this.policies = policies;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (sender.isNullSender()) {
            return HookResult.DECLINED;
        }
        String domain = sender.get().getDomain().asString();
        if (policies.current().routing().allowsStaffSenderDomain(domain)) {
            return HookResult.DECLINED;
        }
        LOGGER.warn("Refused relay mail from sender domain {}: not a staff sender domain", domain);
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription("5.7.1 This port accepts mail only from the agency's staff sender domains")
            .build();
    }
}
