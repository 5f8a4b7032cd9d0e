package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.routing.CitizenRoutes;

/**
 * Submission ports: a citizen writes to staff only. RCPT to a topic address of one of the citizen's
 * programs or to a reply address made for this citizen is accepted (and no later recipient hook runs:
 * these addresses have no mailbox); every other recipient (another citizen, an outside address, a staff
 * address typed directly, a reply address with a changed token or made for someone else) is refused with
 * {@code 550 5.7.1} and the citizen's topic addresses. The mail pipeline resolves the route again
 * ({@code RouteCitizenMail}).
 */
public final class CitizenRecipientsOnly implements RcptHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(CitizenRecipientsOnly.class);
    /** RFC 5321 4.5.3.1.5: a reply line is at most 512 octets; keep the list well within it. */
    private static final int MAX_LISTING = 380;

    private final CitizenRoutes routes;

    @Inject
    public CitizenRecipientsOnly(CitizenRoutes routes) {
        this.routes = routes;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        if (session.getUsername() == null) {
            // Submission refuses MAIL before AUTH; reaching here unauthenticated is a wiring fault: fail closed.
            return refusal("5.7.1 Authentication required to send from this port");
        }
        String citizen = session.getUsername().asString();
        try {
            if (routes.resolve(citizen, recipient).isPresent()) {
                return HookResult.OK;
            }
            LOGGER.info("Refused recipient for citizen {}: not a topic or reply address of theirs", citizen);
            return refusal("5.7.1 You can write only to a topic address or reply to a message from staff. "
                + listing(routes.topicAddresses(citizen)));
        } catch (SQLException e) {
            LOGGER.warn("Could not resolve a recipient for citizen {}: {}", citizen, e.getClass().getName());
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient; try again later")
                .build();
        }
    }

    static String listing(List<String> topics) {
        if (topics.isEmpty()) {
            return "Your programs have no topic address; reply to a message you received.";
        }
        StringBuilder text = new StringBuilder("Your topic addresses: ");
        for (int i = 0; i < topics.size(); i++) {
            String next = (i == 0 ? "" : ", ") + topics.get(i);
            if (text.length() + next.length() > MAX_LISTING) {
                return text.append(" and ").append(topics.size() - i).append(" more (see your account page)").toString();
            }
            text.append(next);
        }
        return text.toString();
    }

    private static HookResult refusal(String description) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription(description)
            .build();
    }
}
