package org.smg.gateway.smtp;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.smg.gateway.attachments.Inspection;
import org.smg.gateway.attachments.InspectionFailedException;
import org.smg.gateway.attachments.MailInspection;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.quarantine.QuarantineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides on a message's attachments after DATA and before the reply, on every SMTP port: a refused message is
 * quarantined and answered {@code 552 5.3.4} (sizes) or {@code 554 5.7.1} (type, name, content, virus) naming the
 * file, so the sending client or MTA tells its user at once. Runs before James's own message hook, which queues
 * the mail: a refused mail is never queued.
 *
 * <p>When the scanner gives no verdict the mail is accepted unmarked: the pipeline's inspection then keeps it
 * waiting in the queue until the scanner answers. When the inspection itself fails the client is told to retry
 * ({@code 451}), so nothing is lost either way.
 */
public final class AttachmentGate implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(AttachmentGate.class);

    private final MailInspection inspection;
    private final QuarantineStore quarantine;

    @Inject
    public AttachmentGate(MailInspection inspection, QuarantineStore quarantine) {
        this.inspection = inspection;
        this.quarantine = quarantine;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Inspection result;
        try {
            result = inspection.inspect(mail);
        } catch (ScannerUnavailableException e) {
            LOGGER.warn("mail {}: scanner unavailable ({}); accepted, the scan waits in the queue", mail.getName(),
                e.getMessage());
            return HookResult.DECLINED;
        } catch (InspectionFailedException e) {
            LOGGER.error("mail {}: inspection failed", mail.getName(), e);
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 The message could not be checked; try again later");
        }
        if (!result.isRefused()) {
            MailInspection.markPassed(mail);
            return HookResult.DECLINED;
        }
        return refuse(session, mail, result.refusals());
    }

    private HookResult refuse(SMTPSession session, Mail mail, List<Refusal> refusals) {
        String reference;
        try {
            // James adds these after the message hooks; a quarantined mail needs them to be released as the
            // citizen's mail (routing reads the logged-in user).
            Submission.authenticated(mail, session.getUsername() == null ? null : session.getUsername().asString(),
                session.getRemoteAddress().getAddress().getHostAddress(), session.getRemoteAddress().getHostString());
            reference = quarantine.put(mail, refusals, QuarantineStore.STAGE_SMTP);
        } catch (Exception e) {
            // Refusing without a quarantined copy would lose nothing (the sender keeps the mail), but the
            // administrator would not see it: ask the sender to retry instead.
            LOGGER.error("mail {}: refused but could not be quarantined", mail.getName(), e);
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 The message could not be checked; try again later");
        }
        Refusal first = refusals.get(0);
        LOGGER.info("mail {} refused in session: {} file(s), first {}; quarantined as {}", mail.getName(),
            refusals.size(), first.reason().code(), reference);
        String more = refusals.size() > 1 ? " (and " + (refusals.size() - 1) + " more problem(s))" : "";
        return reply(HookReturnCode.deny(), String.valueOf(first.reason().smtpCode()),
            first.reason().enhancedCode() + " Message refused: " + first.describe() + more + "; reference " + reference);
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(text).build();
    }
}
