package org.smg.mailets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mime4j.util.MimeUtil;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;

/**
 * Makes local delivery idempotent: stamps every mail with {@value DeliveryIdentity#HEADER}, and
 * when a mail comes back after an interrupted delivery, removes the recipients whose INBOX
 * already holds it. Mail that reaches nobody new ends here (state {@code ghost}).
 *
 * <pre>{@code <mailet match="RecipientIsLocal" class="org.smg.mailets.SkipAlreadyDelivered"/>}</pre>
 */
public final class SkipAlreadyDelivered extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(SkipAlreadyDelivered.class);

    private final UsersRepository users;
    private final MailboxManager mailboxManager;

    @Inject
    public SkipAlreadyDelivered(UsersRepository users, MailboxManager mailboxManager) {
        this.users = users;
        this.mailboxManager = mailboxManager;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        mail.getMessage().setHeader(DeliveryIdentity.HEADER, mail.getName());
        if (!isRedelivery(mail)) {
            return;
        }
        Collection<MailAddress> remaining = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (inboxHolds(recipient, mail.getName())) {
                LOGGER.info("Mail {} already delivered to one recipient; not delivering it twice", mail.getName());
            } else {
                remaining.add(recipient);
            }
        }
        mail.setRecipients(remaining);
        if (remaining.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    private static boolean isRedelivery(Mail mail) {
        return mail.getAttribute(DeliveryIdentity.REDELIVERY).isPresent()
            || mail.getAttribute(DeliveryIdentity.PROCESSING_ERROR_COUNT).isPresent();
    }

    private boolean inboxHolds(MailAddress recipient, String mailName) throws MessagingException {
        try {
            Username username = users.getUsername(recipient);
            MailboxSession session = mailboxManager.createSystemSession(username);
            try {
                MessageManager inbox = mailboxManager.getMailbox(MailboxPath.inbox(username), session);
                SearchQuery query = SearchQuery.of(SearchQuery.headerContains(DeliveryIdentity.HEADER, mailName));
                // The search matches substrings, and James names split copies after the original
                // (name + suffix): only an exact id means this mail was delivered.
                for (MessageUid candidate : Flux.from(inbox.search(query, session)).collectList().block()) {
                    MessageResultIterator messages = inbox.getMessages(MessageRange.one(candidate), FetchGroup.HEADERS, session);
                    while (messages.hasNext()) {
                        if (carriesDeliveryId(messages.next(), mailName)) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (MailboxNotFoundException e) {
                return false;
            } finally {
                mailboxManager.endProcessingRequest(session);
            }
        } catch (UsersRepositoryException | MailboxException e) {
            throw new MessagingException("cannot check earlier delivery of mail " + mailName, e);
        }
    }

    private static boolean carriesDeliveryId(MessageResult message, String mailName) throws MailboxException {
        Iterator<Header> headers = message.getHeaders().headers();
        while (headers.hasNext()) {
            Header header = headers.next();
            if (DeliveryIdentity.HEADER.equalsIgnoreCase(header.getName())
                && mailName.equals(MimeUtil.unfold(header.getValue()).strip())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getMailetInfo() {
        return "Skips recipients who already received a redelivered mail";
    }
}
