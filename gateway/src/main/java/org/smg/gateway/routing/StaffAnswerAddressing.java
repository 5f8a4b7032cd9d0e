package org.smg.gateway.routing;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.storage.EncryptedMailCopy;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.StaffRoute;

/**
 * Staff mail to citizens (relayed by a staff MTA, or the welcome message the gateway writes from a
 * program's staff address): the {@code From:} the citizen sees becomes the staff member's or team's
 * display name with a reply address made for that citizen and that staff address, {@code Reply-To:} the
 * same, and {@code Sender:} is removed, so Reply, Reply-All and clients that ignore {@code Reply-To} all
 * answer through the gateway. A mail with several citizen recipients is split, one copy each (each
 * citizen has their own reply address). Mail whose {@code From:} is in the gateway's own domains (DSNs,
 * mail already rewritten) is left as it is. Runs in the transport processor after the recipient
 * rewrite, before delivery.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.routing.StaffAnswerAddressing"/>
 * }</pre>
 *
 * <p>The display name is the route's ({@code routing.yaml}) when the staff address is a route, else the
 * one the staff wrote when it is plain (no address-like characters), else "Staff". A {@code From:} that
 * is not one plain address, or a store that cannot be read, throws: the mail is held, not delivered with
 * the staff address showing.
 */
public final class StaffAnswerAddressing extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffAnswerAddressing.class);
    private static final int MAX_NAME = 64;
    private static final String FALLBACK_NAME = "Staff";

    private final ReplyAddresses replies;
    private final PolicyHolder policies;

    @Inject
    public StaffAnswerAddressing(ReplyAddresses replies, PolicyHolder policies) {
        this.replies = replies;
        this.policies = policies;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        List<MailAddress> citizens = mail.getRecipients().stream()
            .filter(recipient -> getMailetContext().isLocalServer(recipient.getDomain()))
            .toList();
        if (citizens.isEmpty()) {
            return;
        }
        InternetAddress author = singleAuthor(mail);
        if (isLocal(author)) {
            return;
        }
        if (citizens.size() == 1 && mail.getRecipients().size() == 1) {
            rewrite(mail.getMessage(), citizens.get(0), author);
            return;
        }
        int copy = 0;
        for (MailAddress citizen : citizens) {
            MailImpl one = EncryptedMailCopy.of(mail);
            try {
                one.setName(mail.getName() + "-" + (++copy));
                one.setRecipients(List.of(citizen));
                rewrite(one.getMessage(), citizen, author);
                getMailetContext().sendMail(one, "transport");
            } finally {
                one.dispose();
            }
        }
        LOGGER.debug("mail {} split into {} copies, one per citizen", mail.getName(), copy);
        List<MailAddress> others = mail.getRecipients().stream().filter(recipient -> !citizens.contains(recipient)).toList();
        mail.setRecipients(others);
        if (others.isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    private void rewrite(MimeMessage message, MailAddress citizen, InternetAddress author) throws MessagingException {
        String staff = author.getAddress();
        MailAddress reply;
        try {
            reply = replies.replyAddress(citizen.asString(), staff);
        } catch (SQLException e) {
            throw new MessagingException("cannot make the reply address for a staff answer", e);
        }
        InternetAddress from;
        try {
            from = new InternetAddress(reply.asString(), displayName(staff, author.getPersonal()), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        message.setFrom(from);
        message.setReplyTo(new Address[] {from});
        message.removeHeader("Sender");
        GatewayHeaders.strip(message);
        // No saveChanges(): on a multipart message JavaMail would parse the whole body into the heap to update
        // its headers. James's wrapper delivers changed headers with the body streamed from its source.
    }

    private String displayName(String staff, String written) {
        Optional<String> route = policies.current().routing().routeByAddress(staff).map(StaffRoute::displayName);
        if (route.isPresent()) {
            return route.get();
        }
        if (written != null && !written.isBlank() && written.length() <= MAX_NAME
            && written.codePoints().noneMatch(c -> Character.isISOControl(c) || "@<>\"\\".indexOf(c) >= 0)) {
            return written.strip();
        }
        return FALLBACK_NAME;
    }

    private boolean isLocal(InternetAddress author) throws MessagingException {
        try {
            return getMailetContext().isLocalServer(new MailAddress(author.getAddress()).getDomain());
        } catch (javax.mail.internet.AddressException e) {
            throw new MessagingException("the From: address of a staff answer is not a mail address", e);
        }
    }

    private static InternetAddress singleAuthor(Mail mail) throws MessagingException {
        String[] from = mail.getMessage().getHeader("From");
        if (from == null || from.length != 1) {
            throw new MessagingException("mail " + mail.getName() + " to a citizen needs exactly one From: header");
        }
        InternetAddress[] addresses = InternetAddress.parseHeader(from[0], true);
        if (addresses.length != 1 || addresses[0].isGroup()) {
            throw new MessagingException("mail " + mail.getName() + " to a citizen needs a From: header with one address");
        }
        return addresses[0];
    }

    @Override
    public String getMailetInfo() {
        return "Shows staff answers to citizens from a reply address through the gateway";
    }
}
