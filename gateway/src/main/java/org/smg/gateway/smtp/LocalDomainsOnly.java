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
import org.smg.gateway.enrollment.Enrollment;

/**
 * Refuses recipients outside the gateway's own domains on every port, authenticated or not:
 * the gateway is never a relay to the Internet. One exception: a logged-in citizen may write to
 * the staff address of one of their own programs (the sender of their welcome message), so that
 * replying is the first thing they can do; that mail leaves through the outbound smart host.
 * (Wider routes to staff arrive with the routing policies.)
 */
public final class LocalDomainsOnly implements RcptHook {
    private final DomainList domains;
    private final Enrollment enrollment;

    @Inject
    public LocalDomainsOnly(DomainList domains, Enrollment enrollment) {
        this.domains = domains;
        this.enrollment = enrollment;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        try {
            if (domains.containsDomain(recipient.getDomain())) {
                return HookResult.DECLINED;
            }
            if (session.getUsername() != null && enrollment.isStaffOfOwnProgram(session.getUsername().asString(), recipient.asString())) {
                return HookResult.DECLINED;
            }
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode("550")
                .smtpDescription("5.7.1 Relaying denied: this gateway delivers only to its own secure inboxes")
                .build();
        } catch (DomainListException | java.sql.SQLException e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient domain; try again later")
                .build();
        }
    }
}
