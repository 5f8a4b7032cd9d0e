package org.smg.gateway.routing;

import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * The copy of a staff answer delivered to a citizen gets the staff author's reply address as its envelope
 * sender, so the {@code Return-Path:} that local delivery writes shows the reply address, never the staff
 * member's own address. Placed right before local delivery, after the bounce mailets: a DSN about this copy
 * (inbox closed, mailbox full) still goes to the staff sender, who can act on it. Mail that
 * {@link StaffAnswerAddressing} did not rewrite passes unchanged.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.routing.ReplyRouteReturnPath"/>
 * }</pre>
 */
public final class ReplyRouteReturnPath extends GenericMailet {
    /** The staff author's own envelope sender, kept for the agency's record of the mail. */
    public static final AttributeName STAFF_SENDER = AttributeName.of("org.smg.routing.staff-sender");

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> reply = mail.getAttribute(StaffAnswerAddressing.REPLY_ROUTE)
            .map(Attribute::getValue)
            .map(value -> String.valueOf(value.getValue()));
        if (reply.isEmpty()) {
            return;
        }
        if (!(mail instanceof MailImpl impl)) {
            throw new MessagingException("mail " + mail.getName() + " is not James's mail implementation; its sender cannot be set");
        }
        mail.getMaybeSender().asOptional()
            .ifPresent(staff -> mail.setAttribute(new Attribute(STAFF_SENDER, AttributeValue.of(staff.asString()))));
        impl.setSender(new MailAddress(reply.get()));
    }

    @Override
    public String getMailetInfo() {
        return "Makes the reply address the envelope sender of a staff answer's delivered copy";
    }
}
