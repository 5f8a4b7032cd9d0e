package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.smg.gateway.delivery.RecipientPolicy;
import org.smg.gateway.enrollment.RecipientStatus;

/**
 * Refuses a local recipient without an active secure inbox at RCPT, on every port: 550 with the
 * enhanced code and text of its {@link RecipientStatus}, so a staff MTA bounces the mail with a
 * text that says paper correspondence is needed. Runs after {@link LocalDomainsOnly}, so only local
 * addresses get here, and before James's recipient validation, whose "unknown user" it replaces.
 */
public final class ActiveRecipientsOnly implements RcptHook {
    private final RecipientPolicy policy;

    @Inject
    public ActiveRecipientsOnly(RecipientPolicy policy) {
        this.policy = policy;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        Optional<RecipientStatus> refusal;
        try {
            refusal = policy.refusal(recipient);
        } catch (SQLException e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient; try again later")
                .build();
        }
        return refusal
            .map(status -> HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode("550")
                .smtpDescription(status.enhancedCode() + " " + status.text())
                .build())
            .orElse(HookResult.DECLINED);
    }
}
