package org.smg.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.smg.gateway.storage.EncryptedMailCopy;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.mailets.audit.AuditSink;

/**
 * Returns failed recipients of a mail to its sender as a DSN sent through the pipeline (so it leaves
 * through the smart host like any outbound mail), or, for a mail with a null sender (itself a DSN,
 * which must never be answered), keeps a copy for those recipients in a held processor. Either way
 * the outcome is audited with ids only; nothing is dropped.
 */
final class Bounces {
    static final String NULL_SENDER_HELD = "undeliverable-held";

    private final AuditSink audit;

    @Inject
    Bounces(AuditSink audit) {
        this.audit = audit;
    }

    /** Why one recipient of a mail cannot be delivered to now, or empty when it can. */
    @FunctionalInterface
    interface RecipientCheck {
        Optional<DeliveryStatusNotice.Failure> failure(MailAddress recipient) throws MessagingException;
    }

    /**
     * Takes the recipients {@code check} refuses off the mail and returns them to the sender ({@link #bounce}); a
     * mail left without recipients becomes a ghost. The mailets that run in the transport processor before
     * LocalDelivery share this loop and differ only in their check, subject and audit outcome.
     *
     * @return how many recipients were returned (0: the mail is unchanged)
     */
    int returnRefused(Mail mail, RecipientCheck check, String subject, String outcome, MailetContext context)
            throws MessagingException {
        List<MailAddress> kept = new ArrayList<>();
        List<DeliveryStatusNotice.Failure> failures = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<DeliveryStatusNotice.Failure> failure = check.failure(recipient);
            if (failure.isPresent()) {
                failures.add(failure.get());
            } else {
                kept.add(recipient);
            }
        }
        if (failures.isEmpty()) {
            return 0;
        }
        bounce(mail, failures, subject, outcome, context);
        mail.setRecipients(kept);
        if (kept.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
        return failures.size();
    }

    void bounce(Mail mail, List<DeliveryStatusNotice.Failure> failures, String subject, String outcome,
                MailetContext context)
            throws MessagingException {
        String codes = failures.stream().map(DeliveryStatusNotice.Failure::enhancedCode).distinct()
            .reduce((a, b) -> a + "," + b).orElse("");
        String detail = "recipients=" + failures.size() + " status=" + codes;
        if (!mail.hasSender()) {
            hold(mail, failures, context);
            record(AuditAction.MAIL_HELD, mail.getName(), "null-sender", detail);
            return;
        }
        MailAddress sender = mail.getMaybeSender().get();
        MailImpl dsn = MailImpl.builder()
            .name("dsn-" + UUID.randomUUID())
            .sender(MaybeSender.nullSender())
            .addRecipient(sender)
            .mimeMessage(DeliveryStatusNotice.failed(context.getPostmaster().getDomain().asString(),
                context.getPostmaster(), sender, mail.getMessage().getMessageID(), subject, failures))
            .build();
        try {
            context.sendMail(dsn);
        } finally {
            dsn.dispose();
        }
        record(AuditAction.MAIL_BOUNCED, mail.getName(), outcome, detail + " dsn=" + dsn.getName());
    }

    private static void hold(Mail mail, List<DeliveryStatusNotice.Failure> failures, MailetContext context)
            throws MessagingException {
        Mail copy = EncryptedMailCopy.of(mail);
        try {
            copy.setRecipients(failures.stream().map(DeliveryStatusNotice.Failure::recipient).toList());
            context.sendMail(copy, NULL_SENDER_HELD);
        } finally {
            LifecycleUtil.dispose(copy);
        }
    }

    void record(AuditAction action, String mailName, String outcome, String detail) throws MessagingException {
        try {
            audit.append("system", action, mailName, outcome, detail);
        } catch (AuditException e) {
            throw new MessagingException("the " + action + " entry of mail " + mailName + " could not be recorded", e);
        }
    }
}
