package org.smg.gateway.smtp;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;

/**
 * Submission ports only (RFC 6409): no transaction starts before AUTH, whatever the client's
 * address — loopback included.
 */
public final class AuthenticationRequired implements MailHook {
    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (session.getUsername() != null) {
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("530")
            .smtpDescription("5.7.0 Authentication required: log in with your secure inbox address and password")
            .build();
    }
}
