package org.smg.gateway.smtp;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.consent.DelegatedSession;

/**
 * Submission ports: at the end of DATA, before James queues the mail and answers 250, refuses with
 * {@code 550 5.7.1} a message whose {@code From:} or {@code Sender:} header is not the logged-in
 * citizen's own address (see {@link AuthorHeaders}), or whose envelope sender is someone else.
 * In a representative's session for a citizen, {@code From:} is the citizen and {@code Sender:} the citizen or the
 * representative. Display names are kept. Logs the mail's name and the rule broken, never header content.
 */
public final class AuthorIsLoggedInUser implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(AuthorIsLoggedInUser.class);

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Username user = session.getUsername();
        if (user == null) {
            // Submission refuses MAIL before AUTH; reaching here unauthenticated is a wiring fault: fail closed.
            return refuse("5.7.1 Authentication required to send from this port");
        }
        String address = user.asString();
        try {
            Optional<String> problem = envelopeProblem(mail, address);
            // A representative for a citizen: From: is the citizen, Sender: may be the representative.
            String sender = ConsentAllowsSending.delegated(session).map(DelegatedSession::representative).orElse(address);
            if (problem.isEmpty()) {
                problem = AuthorHeaders.refusal(mail.getMessage(), address, sender);
            }
            if (problem.isEmpty()) {
                return HookResult.DECLINED;
            }
            LOGGER.warn("Refused mail {} from {}: {}", mail.getName(), address, problem.get());
            return refuse("5.7.1 The From: and Sender: headers must be your own address " + address
                + (sender.equals(address) ? "" : " (Sender: may be " + sender + ")") + " (a display name is fine): " + problem.get());
        } catch (MessagingException e) {
            LOGGER.warn("Could not read the headers of mail {} from {}: {}", mail.getName(), address, e.getClass().getName());
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Could not read the message headers; try again later")
                .build();
        }
    }

    private static Optional<String> envelopeProblem(Mail mail, String address) {
        return mail.getMaybeSender().asOptional()
            .map(MailAddress::asString)
            .filter(sender -> !sender.equalsIgnoreCase(address))
            .map(sender -> "the envelope sender is another address");
    }

    private static HookResult refuse(String description) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription(description)
            .build();
    }
}
