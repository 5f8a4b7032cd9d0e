package org.smg.gateway.routing;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Domain;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
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
 * answer through the gateway. In {@code To:} and {@code Cc:} (so Reply-All routes back too) an address in the
 * staff sender domains becomes that staff address's own reply address for this citizen (display name kept),
 * the citizen's own secure address and the gateway's topic addresses stay, the citizen's own registered
 * external address becomes their secure address (when routing.yaml's {@code externalAddressToSecureInbox} is
 * true), and everything else is left out: other citizens' addresses, secure or external (a copy must not
 * tell who is enrolled, and a Reply-All to them would be refused), and outside addresses (a citizen can
 * reach only staff). The reply
 * address is also kept for {@link ReplyRouteReturnPath}, which makes it the envelope sender of the copy
 * delivered, so the staff sender's own address does not show in {@code Return-Path}. A mail with several citizen recipients is split, one copy each (each
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
    private static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc");
    /** The reply address of the staff author for the one citizen of this copy, for {@link ReplyRouteReturnPath}. */
    static final AttributeName REPLY_ROUTE = AttributeName.of("org.smg.routing.reply-route");

    private final ReplyAddresses replies;
    private final PolicyHolder policies;
    private final ExternalAddresses externalAddresses;

    @Inject
    public StaffAnswerAddressing(ReplyAddresses replies, PolicyHolder policies, ExternalAddresses externalAddresses) {
        this.replies = replies;
        this.policies = policies;
        this.externalAddresses = externalAddresses;
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
            rewrite(mail, citizens.get(0), author);
            return;
        }
        int copy = 0;
        for (MailAddress citizen : citizens) {
            MailImpl one = EncryptedMailCopy.of(mail);
            try {
                one.setName(mail.getName() + "-" + (++copy));
                one.setRecipients(List.of(citizen));
                rewrite(one, citizen, author);
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

    private void rewrite(Mail mail, MailAddress citizen, InternetAddress author) throws MessagingException {
        MimeMessage message = mail.getMessage();
        InternetAddress from = replyRoute(citizen, author);
        message.setFrom(from);
        message.setReplyTo(new Address[] {from});
        message.removeHeader("Sender");
        GatewayHeaders.strip(message);
        for (String header : RECIPIENT_HEADERS) {
            rewriteRecipients(mail, message, header, citizen);
        }
        mail.setAttribute(new Attribute(REPLY_ROUTE, AttributeValue.of(from.getAddress())));
        // No saveChanges(): on a multipart message JavaMail would parse the whole body into the heap to update
        // its headers. James's wrapper delivers changed headers with the body streamed from its source.
    }

    /** The reply address for this citizen and staff address, with the staff's display name. */
    private InternetAddress replyRoute(MailAddress citizen, InternetAddress staff) throws MessagingException {
        MailAddress reply;
        try {
            reply = replies.replyAddress(citizen.asString(), staff.getAddress());
        } catch (SQLException e) {
            throw new MessagingException("cannot make the reply address for a staff answer", e);
        }
        try {
            return new InternetAddress(reply.asString(), displayName(staff.getAddress(), staff.getPersonal()), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /**
     * One recipient header of the citizen's copy, address by address (groups flattened): see the class comment.
     * A header JavaMail cannot read at all is removed rather than shown with addresses the gateway did not check.
     */
    private void rewriteRecipients(Mail mail, MimeMessage message, String header, MailAddress citizen) throws MessagingException {
        String[] values = message.getHeader(header);
        if (values == null) {
            return;
        }
        List<InternetAddress> shown = new ArrayList<>();
        int leftOut = 0;
        for (String value : values) {
            InternetAddress[] parsed;
            try {
                parsed = InternetAddress.parseHeader(value, false);
            } catch (javax.mail.internet.AddressException e) {
                LOGGER.warn("mail {}: unreadable {} header removed from the citizen's copy", mail.getName(), header);
                continue;
            }
            for (InternetAddress address : flatten(parsed)) {
                Optional<InternetAddress> rewritten = rewrittenRecipient(address, citizen);
                rewritten.ifPresent(shown::add);
                leftOut += rewritten.isEmpty() ? 1 : 0;
            }
        }
        if (leftOut > 0) {
            LOGGER.info("mail {}: {} {} address(es) left out of the citizen's copy (other citizens, outside addresses)",
                mail.getName(), leftOut, header);
        }
        if (shown.isEmpty()) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, InternetAddress.toString(shown.toArray(new InternetAddress[0])));
        }
    }

    /**
     * One address of a recipient header as this citizen's copy shows it. Another citizen's address, secure or
     * external, never shows: it would tell who is enrolled, and a Reply-All to it would be refused and abort the
     * citizen's whole send.
     */
    private Optional<InternetAddress> rewrittenRecipient(InternetAddress address, MailAddress citizen) throws MessagingException {
        MailAddress mailAddress;
        try {
            mailAddress = new MailAddress(address.getAddress());
        } catch (javax.mail.internet.AddressException e) {
            return Optional.empty();
        }
        Domain domain = mailAddress.getDomain();
        if (getMailetContext().isLocalServer(domain)) {
            return isOwnOrTopic(mailAddress, citizen) ? Optional.of(address) : Optional.empty();
        }
        Optional<MailAddress> secure;
        try {
            secure = externalAddresses.secureAddressOf(mailAddress.asString());
        } catch (SQLException e) {
            throw new MessagingException("cannot read the accounts to rewrite a staff answer's recipients", e);
        }
        if (secure.isPresent()) {
            // The citizen's own external address becomes their secure one only where the policy takes it there.
            boolean own = same(secure.get(), citizen) && policies.current().routing().externalAddressToSecureInbox();
            return own ? Optional.of(withName(citizen.asString(), address.getPersonal())) : Optional.empty();
        }
        if (policies.current().routing().allowsStaffSenderDomain(domain.asString())) {
            return Optional.of(replyRoute(citizen, address));
        }
        return Optional.empty();
    }

    /** The citizen's own secure address, or a topic address of the gateway: the local addresses a copy may show. */
    private boolean isOwnOrTopic(MailAddress address, MailAddress citizen) {
        return same(address, citizen)
            || policies.current().routing().topic(address.getLocalPart().toLowerCase(Locale.ROOT)).isPresent();
    }

    private static boolean same(MailAddress one, MailAddress other) {
        return one.asString().equalsIgnoreCase(other.asString());
    }

    private static List<InternetAddress> flatten(InternetAddress[] addresses) throws MessagingException {
        List<InternetAddress> flat = new ArrayList<>();
        for (InternetAddress address : addresses) {
            if (address.isGroup()) {
                InternetAddress[] members = address.getGroup(false);
                if (members != null) {
                    flat.addAll(flatten(members));
                }
            } else {
                flat.add(address);
            }
        }
        return flat;
    }

    /** The address with the display name as written when it is plain, else without one. */
    private static InternetAddress withName(String address, String written) throws MessagingException {
        try {
            return new InternetAddress(address, plainName(written).orElse(null), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    private static Optional<String> plainName(String written) {
        if (written != null && !written.isBlank() && written.length() <= MAX_NAME
            && written.codePoints().noneMatch(c -> Character.isISOControl(c) || "@<>\"\\".indexOf(c) >= 0)) {
            return Optional.of(written.strip());
        }
        return Optional.empty();
    }

    private String displayName(String staff, String written) {
        Optional<String> route = policies.current().routing().routeByAddress(staff).map(StaffRoute::displayName);
        if (route.isPresent()) {
            return route.get();
        }
        return plainName(written).orElse(FALLBACK_NAME);
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
