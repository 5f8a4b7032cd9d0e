package org.smg.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;
import javax.net.ssl.SSLException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.storage.EncryptedMailCopy;
import org.smg.gateway.records.RecordKeeper;
import org.smg.mailets.audit.AuditAction;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPSenderFailedException;

/**
 * Sends mail for non-local recipients through the configured smart host, or holds it when none is
 * configured. Every outcome is audited with ids only, and nothing is dropped:
 * <ul>
 *   <li>no smart host: {@code MAIL_HELD no-smarthost}, to {@code noSmartHostProcessor};</li>
 *   <li>sent: a citizen's mail is kept in the records store ({@link RecordKeeper}), then {@code MAIL_DELIVERED relayed};
 *       when the record cannot be kept, {@code MAIL_HELD relayed-unrecorded}, to the {@code error} processor, marked
 *       so that a release keeps the record without sending the mail again;</li>
 *   <li>TLS failed (certificate chain, host name, STARTTLS missing) or AUTH refused: a configuration
 *       problem retrying cannot fix, so {@code MAIL_HELD tls-failed} / {@code auth-failed} with the
 *       reason, to {@code heldProcessor}, where an administrator releases it once fixed;</li>
 *   <li>refused with 5xx: a DSN to the sender ({@code MAIL_BOUNCED smarthost-refused});</li>
 *   <li>any other failure: back into the spool queue with a growing delay, the same processor;
 *       after the last delay, a DSN ({@code MAIL_BOUNCED retries-exhausted}).</li>
 * </ul>
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.delivery.SmartHostDelivery">
 *     <noSmartHostProcessor>outbound-held</noSmartHostProcessor>
 *     <heldProcessor>outbound-tls-held</heldProcessor>
 * </mailet>
 * }</pre>
 *
 * <p>Synchronous in the spooler thread, unlike James's {@code RemoteDelivery}: that mailet retries a
 * certificate failure like a network error and drops a failed mail with a null sender (a DSN),
 * and it takes trust only as strings, not as the trust store configured here.
 */
public final class SmartHostDelivery extends GenericMailet {
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));
    private static final AttributeName ATTEMPTS = AttributeName.of("org.smg.outbound.attempts");
    /** Set on a mail the smart host accepted but whose record could not be kept: it is never sent again. */
    static final AttributeName SENT_UNRECORDED = AttributeName.of("org.smg.outbound.sent-unrecorded");
    private static final Logger LOGGER = LoggerFactory.getLogger(SmartHostDelivery.class);
    private static final String NO_SMART_HOST_PROCESSOR = "noSmartHostProcessor";
    private static final String HELD_PROCESSOR = "heldProcessor";

    private final OutboundRoute route;
    private final MailQueueFactory<?> queues;
    private final Bounces bounces;
    private final RecordKeeper records;
    private String noSmartHostProcessor;
    private String heldProcessor;
    private MailQueue spool;

    @Inject
    public SmartHostDelivery(OutboundRoute route, MailQueueFactory<?> queues, Bounces bounces, RecordKeeper records) {
        this.route = route;
        this.queues = queues;
        this.bounces = bounces;
        this.records = records;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(NO_SMART_HOST_PROCESSOR, HELD_PROCESSOR));
        noSmartHostProcessor = required(NO_SMART_HOST_PROCESSOR);
        heldProcessor = required(HELD_PROCESSOR);
        // The spooler creates the queue after the mailets are initialised; createQueue returns that same queue.
        spool = queues.createQueue(MailQueueFactory.SPOOL);
    }

    private String required(String name) throws MessagingException {
        return Optional.ofNullable(getInitParameter(name)).map(String::strip).filter(value -> !value.isEmpty())
            .orElseThrow(() -> new MessagingException("SmartHostDelivery: '" + name + "' is required: a processor name"));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getRecipients().isEmpty()) {
            return;
        }
        String detail = "recipients=" + mail.getRecipients().size() + " size=" + mail.getMessageSize();
        if (mail.getAttribute(SENT_UNRECORDED).isPresent()) {
            // Released from the error repository: the smart host has it already; only its record is missing.
            LOGGER.info("mail {} was accepted by the smart host earlier; keeping its record, not sending it again", mail.getName());
            relayed(mail, detail + " sent=earlier");
            return;
        }
        if (route.smartHost().isEmpty()) {
            bounces.record(AuditAction.MAIL_HELD, mail.getName(), "no-smarthost", detail);
            mail.setState(noSmartHostProcessor);
            return;
        }
        SmartHostTransport transport = route.smartHost().get();
        try {
            transport.send(mail.getMessage(), mail.getMaybeSender(), mail.getRecipients());
        } catch (MessagingException e) {
            failed(mail, transport, e, detail);
            return;
        }
        // Only once the smart host took it: held or retried mail is recorded when it is finally sent.
        relayed(mail, detail + " smarthost=" + transport.describe());
    }

    /**
     * Keeps the record of a mail the smart host accepted. A record that cannot be kept must not send the mail
     * again (staff have it; a retry would end in a failure notice to the citizen): the mail goes to the error
     * processor marked as sent, so an administrator sees it, and a release only keeps the record.
     */
    private void relayed(Mail mail, String detail) throws MessagingException {
        try {
            records.relayed(mail);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("mail {} accepted by the smart host, but its record could not be kept ({}); held in the error"
                + " repository, not sent again", mail.getName(), e.getClass().getSimpleName());
            bounces.record(AuditAction.MAIL_HELD, mail.getName(), "relayed-unrecorded", detail);
            mail.setAttribute(new Attribute(SENT_UNRECORDED, AttributeValue.of(true)));
            mail.setErrorMessage("accepted by the smart host; the record could not be kept: " + reason(e));
            mail.setState(Mail.ERROR);
            return;
        }
        bounces.record(AuditAction.MAIL_DELIVERED, mail.getName(), "relayed", detail);
        mail.setState(Mail.GHOST);
    }

    private void failed(Mail mail, SmartHostTransport transport, MessagingException error, String detail)
            throws MessagingException {
        String reason = reason(error);
        if (isTls(error) || find(error, AuthenticationFailedException.class).isPresent()) {
            String outcome = isTls(error) ? "tls-failed" : "auth-failed";
            LOGGER.warn("mail {} held: {} with smart host {}: {}", mail.getName(), outcome, transport.describe(), reason);
            bounces.record(AuditAction.MAIL_HELD, mail.getName(), outcome,
                detail + " smarthost=" + transport.describe() + " reason=" + reason);
            mail.setState(heldProcessor);
            return;
        }
        Optional<Integer> code = replyCode(error);
        if (code.isPresent() && code.get() >= 500) {
            LOGGER.info("mail {} refused by smart host {}: {}", mail.getName(), transport.describe(), reason);
            returnToSender(mail, "5.0.0", "The receiving mail server refused the message", "smtp; " + reason,
                "smarthost-refused");
            return;
        }
        int attempts = mail.getAttribute(ATTEMPTS).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)).orElse(0);
        if (attempts >= RETRY_DELAYS.size()) {
            LOGGER.info("mail {} not sent to smart host {} after {} attempts: {}", mail.getName(), transport.describe(),
                attempts + 1, reason);
            returnToSender(mail, "5.4.7", "The message could not be sent in time; delivery was given up",
                "smtp; " + reason, "retries-exhausted");
            return;
        }
        Duration delay = RETRY_DELAYS.get(attempts);
        LOGGER.info("mail {} not sent to smart host {} ({}); retry {} in {}", mail.getName(), transport.describe(), reason,
            attempts + 1, delay);
        Mail retry = EncryptedMailCopy.of(mail);
        try {
            retry.setAttribute(new Attribute(ATTEMPTS, AttributeValue.of(attempts + 1)));
            retry.setState(mail.getState());
            spool.enQueue(retry, delay);
        } finally {
            LifecycleUtil.dispose(retry);
        }
        mail.setState(Mail.GHOST);
    }

    private void returnToSender(Mail mail, String code, String text, String diagnostic, String outcome)
            throws MessagingException {
        bounces.bounce(mail, mail.getRecipients().stream()
                .map(recipient -> new DeliveryStatusNotice.Failure(recipient, code, text, diagnostic)).toList(),
            "Undelivered mail: returned by the outbound mail server", outcome, getMailetContext());
        mail.setState(Mail.GHOST);
    }

    private static boolean isTls(MessagingException error) {
        return find(error, SSLException.class).isPresent()
            || find(error, java.security.cert.CertificateException.class).isPresent()
            || String.valueOf(error.getMessage()).contains("STARTTLS");
    }

    private static Optional<Integer> replyCode(MessagingException error) {
        Optional<Integer> code = find(error, SMTPSendFailedException.class).map(SMTPSendFailedException::getReturnCode);
        if (code.isEmpty()) {
            code = find(error, SMTPAddressFailedException.class).map(SMTPAddressFailedException::getReturnCode);
        }
        if (code.isEmpty()) {
            code = find(error, SMTPSenderFailedException.class).map(SMTPSenderFailedException::getReturnCode);
        }
        return code;
    }

    /** The first throwable of the type in the chain of causes and JavaMail's next exceptions. */
    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            Throwable next = current.getCause();
            if (next == null && current instanceof MessagingException messaging) {
                next = messaging.getNextException();
            }
            current = next;
        }
        return Optional.empty();
    }

    /** The innermost message of the chain, on one line and short: what the log and the audit detail say. */
    private static String reason(Throwable error) {
        Throwable innermost = error;
        for (int depth = 0; depth < 16; depth++) {
            Throwable next = innermost.getCause();
            if (next == null && innermost instanceof MessagingException messaging) {
                next = messaging.getNextException();
            }
            if (next == null || next == innermost) {
                break;
            }
            innermost = next;
        }
        String text = innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
        text = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @Override
    public String getMailetInfo() {
        return "Outbound delivery through the configured smart host";
    }
}
