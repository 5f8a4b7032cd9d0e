package org.smg.gateway.delivery;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.transport.mailets.LocalDelivery;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.gateway.notify.Notifier;
import org.smg.gateway.records.RecordKeeper;
import org.smg.mailets.audit.AuditSink;

/**
 * James's {@link LocalDelivery} with a {@code MAIL_DELIVERED} audit entry recorded only when every
 * recipient's INBOX holds the mail. LocalDelivery on its own ghosts the mail whether or not each
 * store succeeded (failed recipients leave as a separate mail for the error processor), so a
 * mailet placed after it could not tell a delivery from a failure. Here LocalDelivery runs with
 * {@code onMailetException=propagate}: one failed store throws, nothing is recorded as delivered
 * and the whole mail goes to the error processor; {@code SkipAlreadyDelivered} keeps a later
 * release from delivering twice to the recipients that did get it. Once every INBOX holds the
 * mail, each citizen's copy is kept in the records store ({@link RecordKeeper}) and each citizen's
 * content-free notification is due ({@link Notifier}, which coalesces them).
 *
 * <pre>{@code
 * <mailet match="RecipientIsLocal" class="org.smg.gateway.delivery.RecordedLocalDelivery"/>
 * }</pre>
 */
public final class RecordedLocalDelivery extends GenericMailet {
    private static final Map<String, String> DELIVERY_PARAMETERS = Map.of(
        "consume", "false",
        "onMailetException", "propagate");

    private final LocalDelivery delivery;
    private final AuditSink audit;
    private final Notifier notifier;
    private final RecordKeeper records;

    @Inject
    public RecordedLocalDelivery(LocalDelivery delivery, AuditSink audit, Notifier notifier, RecordKeeper records) {
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
        delivery.service(mail);
        // Before MAIL_DELIVERED: a mail is never audited as delivered without its record (a failure goes to the error processor).
        records.delivered(mail);
        try {
            audit.append("system", AuditAction.MAIL_DELIVERED, mail.getName(), "delivered",
                "recipients=" + mail.getRecipients().size() + " size=" + mail.getMessageSize());
        } catch (AuditException e) {
            throw new MessagingException("the MAIL_DELIVERED entry of mail " + mail.getName() + " could not be recorded", e);
        }
        // The recipients are the local ones this mailet matched; the notifier ignores addresses without an active account.
        mail.getRecipients().forEach(recipient -> notifier.delivered(recipient.asString()));
        mail.setState(Mail.GHOST);
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
}
