package org.smg.gateway.routing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.smtp.ConsentAllowsSending;

/**
 * Routes a citizen's mail (submitted after AUTH by a citizen account) to staff: each recipient, a topic
 * address or a reply address, becomes the staff address it leads to (resolved again with the policy in
 * force, see {@link CitizenRoutes}), and the gateway's headers ({@link GatewayHeaders}) replace any the
 * client wrote. The mail then leaves through the outbound smart host. Runs in the root processor, before
 * the attachment inspection; mail that is not a citizen's passes untouched.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.gateway.routing.RouteCitizenMail"/>
 * }</pre>
 *
 * <p>Fails closed: a recipient that no longer resolves (a topic removed by a reload since RCPT) or an
 * account store that cannot be read throws, so the mail is held in the error repository, never delivered
 * to the address the citizen typed.
 */
public final class RouteCitizenMail extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RouteCitizenMail.class);

    /** Set on citizen mail once routed to staff (the records store tells citizen mail by it). */
    public static final org.apache.mailet.AttributeName ROUTED = org.apache.mailet.AttributeName.of("org.smg.routing.routed");

    private final CitizenRoutes routes;
    private final Enrollment enrollment;

    @Inject
    public RouteCitizenMail(CitizenRoutes routes, Enrollment enrollment) {
        this.routes = routes;
        this.enrollment = enrollment;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> user = mail.getAttribute(Mail.SMTP_AUTH_USER).map(Attribute::getValue).map(value -> String.valueOf(value.getValue()));
        if (user.isEmpty() || mail.getAttribute(ROUTED).isPresent()) {
            // Not a citizen's mail, or already routed (a release from quarantine or a repository comes back here).
            return;
        }
        try {
            Optional<Account> citizen = enrollment.find(user.get());
            if (citizen.isEmpty()) {
                // A staff relay account (its own realm, never an account address): not citizen mail.
                return;
            }
            List<MailAddress> staff = new ArrayList<>();
            Set<String> programs = new LinkedHashSet<>();
            for (MailAddress recipient : mail.getRecipients()) {
                CitizenRoutes.Destination destination = routes.resolve(citizen.get().address(), recipient)
                    .orElseThrow(() -> new MessagingException("mail " + mail.getName() + ": a recipient no longer leads to staff"));
                staff.add(new MailAddress(destination.staffAddress()));
                programs.addAll(destination.programs());
            }
            // Headers only, without saveChanges(): that would parse the whole body into the heap (see StaffAnswerAddressing).
            GatewayHeaders.set(mail.getMessage(), List.copyOf(programs), citizen.get().business().isPresent());
            Optional<String> onBehalfOf = mail.getAttribute(ConsentAllowsSending.ON_BEHALF_OF).map(Attribute::getValue)
                .map(value -> String.valueOf(value.getValue()));
            if (onBehalfOf.isPresent()) {
                GatewayHeaders.setOnBehalfOf(mail.getMessage(), onBehalfOf.get());
            }
            mail.setRecipients(List.copyOf(new LinkedHashSet<>(staff)));
            mail.setAttribute(new Attribute(ROUTED, AttributeValue.of(true)));
            LOGGER.debug("mail {} from citizen {} routed to {} staff address(es)", mail.getName(), citizen.get().address(), staff.size());
        } catch (SQLException e) {
            throw new MessagingException("cannot read the account or reply threads for mail " + mail.getName(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Routes citizen mail from topic and reply addresses to the staff routes";
    }
}
