package org.smg.gateway.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.transport.mailets.LocalDelivery;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.apache.mailet.base.RFC2822Headers;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.gateway.notify.Notifier;
import org.smg.gateway.records.RecordKeeper;
import org.smg.mailets.audit.AuditSink;

/**
 * James's {@link LocalDelivery}, one recipient at a time, with a {@code MAIL_DELIVERED} audit entry
 * and a content-free notification ({@link Notifier}, which coalesces them) for the recipients whose
 * INBOX holds the mail, and for them only. LocalDelivery on its own ghosts the mail whether or not
 * each store succeeded, so a mailet placed after it could not tell a delivery from a failure. Here
 * LocalDelivery runs with {@code onMailetException=propagate}, so a failed store throws; the mail
 * then leaves this mailet with the failed recipients only, as a failure, for James's error handling
 * (the {@code error} processor holds it); {@code SkipAlreadyDelivered} keeps a later release from
 * delivering twice. Each citizen's copy is kept in the records store ({@link RecordKeeper}) before it is
 * stored in that citizen's INBOX: a record that cannot be kept fails that recipient (nothing delivered,
 * audited or notified for them), so no mail is delivered without its record.
 *
 * <pre>{@code
 * <mailet match="RecipientIsLocal" class="org.smg.gateway.delivery.RecordedLocalDelivery"/>
 * }</pre>
 */
public final class RecordedLocalDelivery extends GenericMailet {
    private static final Map<String, String> DELIVERY_PARAMETERS = Map.of(
        "consume", "false",
        "onMailetException", "propagate");

    private final GenericMailet delivery;
    private final AuditSink audit;
    private final Consumer<String> notifier;
    private final RecordKeeping records;

    @Inject
    public RecordedLocalDelivery(LocalDelivery delivery, AuditSink audit, Notifier notifier, RecordKeeper records) {
        this(delivery, audit, notifier::delivered, records::delivered);
    }

    RecordedLocalDelivery(GenericMailet delivery, AuditSink audit, Consumer<String> notifier, RecordKeeping records) {
        this.delivery = delivery;
        this.audit = audit;
        this.notifier = notifier;
        this.records = records;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        delivery.init(new FixedConfig(getMailetContext()));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> recipients = List.copyOf(mail.getRecipients());
        List<MailAddress> delivered = new ArrayList<>();
        List<MailAddress> failed = new ArrayList<>();
        Exception failure = null;
        // LocalDelivery (James's MailDispatcher) sets this Return-Path before it stores; set here first, the same way,
        // so the record kept before the store is the INBOX copy byte for byte.
        mail.getMessage().setHeader(RFC2822Headers.RETURN_PATH, mail.getMaybeSender().asPrettyString());
        for (MailAddress recipient : recipients) {
            mail.setRecipients(List.of(recipient));
            try {
                // The record first: a delivered mail always has one. When the store then fails, the record stays;
                // a release of the mail finds it (RecordKeeper keeps one per mail name and account).
                records.keep(mail);
                delivery.service(mail);
                delivered.add(recipient);
            } catch (MessagingException | RuntimeException e) {
                failed.add(recipient);
                failure = e;
            }
        }
        mail.setRecipients(recipients);
        if (!delivered.isEmpty()) {
            audit(mail, delivered);
        }
        if (failure != null) {
            mail.setRecipients(failed);
            throw new MessagingException("local delivery of mail " + mail.getName() + " failed for " + failed.size() + " of "
                + recipients.size() + " recipient(s)", failure);
        }
        mail.setState(Mail.GHOST);
    }

    private void audit(Mail mail, List<MailAddress> delivered) throws MessagingException {
        try {
            audit.append("system", AuditAction.MAIL_DELIVERED, mail.getName(), "delivered",
                "recipients=" + delivered.size() + " size=" + mail.getMessageSize());
        } catch (AuditException e) {
            throw new MessagingException("the MAIL_DELIVERED entry of mail " + mail.getName() + " could not be recorded", e);
        }
        // The recipients are local ones this mailet matched; the notifier ignores addresses without an active account.
        delivered.forEach(recipient -> notifier.accept(recipient.asString()));
    }

    @Override
    public void destroy() {
        delivery.destroy();
    }

    @Override
    public String getMailetInfo() {
        return "Local delivery with an audit entry per delivered mail";
    }

    private record FixedConfig(MailetContext context) implements MailetConfig {
        @Override
        public String getInitParameter(String name) {
            return DELIVERY_PARAMETERS.get(name);
        }

        @Override
        public Iterator<String> getInitParameterNames() {
            return Collections.unmodifiableSet(DELIVERY_PARAMETERS.keySet()).iterator();
        }

        @Override
        public MailetContext getMailetContext() {
            return context;
        }

        @Override
        public String getMailetName() {
            return "LocalDelivery";
        }
    }

    /** Keeps the record of a mail for its one recipient ({@link RecordKeeper#delivered}), before the delivery. */
    @FunctionalInterface
    interface RecordKeeping {
        void keep(Mail mail) throws MessagingException;
    }
}
