package org.smg.gateway.smtp;

import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Routing;

/**
 * Relay port, end of DATA: the {@code From:} header the citizen would see must agree with the envelope.
 * Exactly one {@code From:} naming one address, in a staff sender domain, and in the same domain as MAIL
 * FROM (when not null); a {@code Sender:} header, if any, in a staff sender domain too. Otherwise
 * {@code 550 5.7.1} before the mail is queued: a staff MTA must not carry mail that shows a citizen an
 * author outside the agency (the header that contradicts the envelope).
 */
public final class StaffAuthorAgrees implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffAuthorAgrees.class);

    private final PolicyHolder policies;

    @Inject
    public StaffAuthorAgrees(PolicyHolder policies) {
        this.policies = policies;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        try {
            Optional<String> problem = problem(mail.getMessage(), mail.getMaybeSender().asOptional(), policies.current().routing());
            if (problem.isEmpty()) {
                return HookResult.DECLINED;
            }
            LOGGER.warn("Refused relay mail {}: {}", mail.getName(), problem.get());
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode("550")
                .smtpDescription("5.7.1 The From: header must be one address in the sender's staff domain: " + problem.get())
                .build();
        } catch (MessagingException e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Could not read the message headers; try again later")
                .build();
        }
    }

    static Optional<String> problem(MimeMessage message, Optional<MailAddress> envelope, Routing routing) throws MessagingException {
        String[] from = message.getHeader("From");
        if (from == null || from.length != 1) {
            return Optional.of(from == null ? "the message has no From: header" : "the message has several From: headers");
        }
        Optional<String> fromDomain = singleDomain(from[0]);
        if (fromDomain.isEmpty()) {
            return Optional.of("the From: header must name exactly one address");
        }
        if (!routing.allowsStaffSenderDomain(fromDomain.get())) {
            return Optional.of("the From: header is not in a staff sender domain");
        }
        if (envelope.isPresent() && !envelope.get().getDomain().asString().equalsIgnoreCase(fromDomain.get())) {
            return Optional.of("the From: header's domain differs from the envelope sender's");
        }
        String[] sender = message.getHeader("Sender");
        if (sender != null) {
            if (sender.length != 1) {
                return Optional.of("the message has several Sender: headers");
            }
            Optional<String> senderDomain = singleDomain(sender[0]);
            if (senderDomain.isEmpty() || !routing.allowsStaffSenderDomain(senderDomain.get())) {
                return Optional.of("the Sender: header is not one address in a staff sender domain");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> singleDomain(String header) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, true);
            if (addresses.length != 1 || addresses[0].isGroup()) {
                return Optional.empty();
            }
            return Optional.of(new MailAddress(addresses[0].getAddress()).getDomain().asString().toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
