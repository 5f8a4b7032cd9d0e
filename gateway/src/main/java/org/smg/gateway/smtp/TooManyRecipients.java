package org.smg.gateway.smtp;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Every port: refuses each recipient beyond limits.maxRecipients in one transaction with
 * {@code 452 4.5.3} (RFC 5321 4.5.3.1.10), so a client sends the rest in another transaction. It counts
 * the recipients James has accepted into the transaction, which James resets on MAIL, RSET and after DATA.
 */
public final class TooManyRecipients implements RcptHook {
    private final int max;
    private final HookResult refusal;

    @Inject
    public TooManyRecipients(RecipientLimit limit) {
        this.max = limit.max();
        this.refusal = HookResult.builder()
            .hookReturnCode(HookReturnCode.denySoft())
            .smtpReturnCode("452")
            .smtpDescription("4.5.3 Too many recipients (limit " + max + "); send to the others in another message")
            .build();
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        int accepted = session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction).map(List::size).orElse(0);
        return accepted < max ? HookResult.DECLINED : refusal;
    }
}
