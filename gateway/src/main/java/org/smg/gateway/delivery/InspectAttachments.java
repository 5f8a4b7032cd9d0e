package org.smg.gateway.delivery;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.smg.gateway.attachments.Inspection;
import org.smg.gateway.attachments.InspectionFailedException;
import org.smg.gateway.attachments.MailInspection;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScanBacklog;
import org.smg.gateway.attachments.ScanRetryDelays;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.quarantine.QuarantineStore;
import org.smg.gateway.storage.EncryptedMailCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects every mail the SMTP session did not already pass (mail accepted while the scanner was unavailable,
 * mail the gateway writes itself, mail released from a repository). A refused mail is quarantined and returned
 * to its sender in a DSN naming each file and reason. When the scanner gives no verdict the mail goes back into
 * the queue with a growing delay and comes back here: neither delivered nor lost, counted in {@link ScanBacklog}.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.delivery.InspectAttachments"/>
 * }</pre>
 *
 * <p>When the inspection itself fails (storage) the mailet throws: the mail goes to the error processor, held.
 */
public final class InspectAttachments extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(InspectAttachments.class);

    private final MailInspection inspection;
    private final QuarantineStore quarantine;
    private final ScanBacklog backlog;
    private final ScanRetryDelays delays;
    private final MailQueueFactory<?> queues;
    private final Bounces bounces;
    private MailQueue spool;

    @Inject
    public InspectAttachments(MailInspection inspection, QuarantineStore quarantine, ScanBacklog backlog,
                              ScanRetryDelays delays, MailQueueFactory<?> queues, Bounces bounces) {
        this.inspection = inspection;
        this.quarantine = quarantine;
        this.backlog = backlog;
        this.delays = delays;
        this.queues = queues;
        this.bounces = bounces;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        // The spooler creates the queue after the mailets are initialised; createQueue returns that same queue.
        spool = queues.createQueue(MailQueueFactory.SPOOL);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (MailInspection.hasPassed(mail)) {
            return;
        }
        Inspection result;
        try {
            result = inspection.inspect(mail);
        } catch (ScannerUnavailableException e) {
            waitForScanner(mail, e);
            return;
        } catch (InspectionFailedException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        completed(mail);
        if (!result.isRefused()) {
            MailInspection.markPassed(mail);
            return;
        }
        refuse(mail, result.refusals());
    }

    private void waitForScanner(Mail mail, ScannerUnavailableException cause) throws MessagingException {
        int attempts;
        try {
            attempts = backlog.waiting(mail.getName());
        } catch (SQLException e) {
            throw new MessagingException("mail " + mail.getName() + ": the scan backlog cannot be written", e);
        }
        Duration delay = delays.after(attempts);
        LOGGER.warn("mail {}: scanner unavailable ({}); waiting in the queue, attempt {}, next in {}", mail.getName(),
            cause.getMessage(), attempts, delay);
        Mail retry = EncryptedMailCopy.of(mail);
        try {
            retry.setName(mail.getName());
            retry.setState(mail.getState());
            spool.enQueue(retry, delay);
        } finally {
            LifecycleUtil.dispose(retry);
        }
        mail.setState(Mail.GHOST);
    }

    private void refuse(Mail mail, List<Refusal> refusals) throws MessagingException {
        String reference;
        try {
            reference = quarantine.put(mail, refusals, QuarantineStore.STAGE_PIPELINE);
        } catch (Exception e) {
            throw new MessagingException("mail " + mail.getName() + " refused but could not be quarantined", e);
        }
        LOGGER.info("mail {} refused after acceptance: {} problem(s), first {}; quarantined as {}", mail.getName(),
            refusals.size(), refusals.get(0).reason().code(), reference);
        if (!mail.hasSender()) {
            // A DSN is never answered, and Bounces would keep a second, unscanned copy outside the quarantine.
            mail.setState(Mail.GHOST);
            return;
        }
        String text = "Message refused: " + String.join("; ", refusals.stream().map(Refusal::describe).toList())
            + "; reference " + reference;
        Refusal first = refusals.get(0);
        bounces.bounce(mail, mail.getRecipients().stream()
                .map(recipient -> new DeliveryStatusNotice.Failure(recipient, first.reason().enhancedCode(), text,
                    "smtp; " + first.reason().smtpCode() + " " + first.reason().enhancedCode() + " " + text))
                .toList(),
            "Undelivered mail: an attachment was refused", "attachment-refused", getMailetContext());
        mail.setState(Mail.GHOST);
    }

    private void completed(Mail mail) throws MessagingException {
        try {
            backlog.done(mail.getName());
        } catch (SQLException e) {
            throw new MessagingException("mail " + mail.getName() + ": the scan backlog cannot be written", e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inspects attachments and scans every part; refuses to quarantine, waits while the scanner is unavailable";
    }
}
