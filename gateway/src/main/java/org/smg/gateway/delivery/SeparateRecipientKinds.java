package org.smg.gateway.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.smg.gateway.storage.EncryptedMailCopy;

/**
 * Gives each kind of recipient (local mailbox, local address without a mailbox, outside address) its own mail
 * before the processor that delivers, so that the matchers there ({@code RecipientIsLocal}, {@code HostIsLocal})
 * always match all recipients of a mail or none. A matcher that matches only some makes James split the mail
 * with {@code MailImpl.duplicate}, which writes the message in plain text to the temporary directory; our copies
 * go through {@link EncryptedMailCopy}. Local mailboxes keep the original mail, so their exactly-once delivery
 * is unchanged; the other kinds are queued as encrypted copies.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.delivery.SeparateRecipientKinds">
 *     <processor>deliver</processor>
 * </mailet>
 * }</pre>
 */
public final class SeparateRecipientKinds extends GenericMailet {
    private String processor;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of("processor"));
        processor = getInitParameter("processor");
        if (processor == null || processor.isBlank()) {
            throw new MessagingException("SeparateRecipientKinds needs a <processor> to send each kind of recipient to");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<Collection<MailAddress>> kinds = kindsOf(mail.getRecipients());
        for (Collection<MailAddress> kind : kinds.subList(1, kinds.size())) {
            Mail copy = EncryptedMailCopy.of(mail);
            try {
                copy.setRecipients(kind);
                getMailetContext().sendMail(copy, processor);
            } finally {
                LifecycleUtil.dispose(copy);
            }
        }
        if (!kinds.isEmpty()) {
            mail.setRecipients(kinds.get(0));
        }
        mail.setState(processor);
    }

    /** The non-empty kinds, local mailboxes first; the order of recipients within a kind is kept. */
    private List<Collection<MailAddress>> kindsOf(Collection<MailAddress> recipients) {
        MailetContext context = getMailetContext();
        Collection<MailAddress> mailboxes = context.localRecipients(recipients);
        List<MailAddress> localWithoutMailbox = new ArrayList<>();
        List<MailAddress> outside = new ArrayList<>();
        for (MailAddress recipient : recipients) {
            if (mailboxes.contains(recipient)) {
                continue;
            }
            (context.isLocalServer(recipient.getDomain()) ? localWithoutMailbox : outside).add(recipient);
        }
        List<Collection<MailAddress>> kinds = new ArrayList<>();
        for (Collection<MailAddress> kind : List.of(List.copyOf(mailboxes), localWithoutMailbox, outside)) {
            if (!kind.isEmpty()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    @Override
    public String getMailetInfo() {
        return "Sends each kind of recipient (mailbox, local without mailbox, outside) on as its own mail";
    }
}
