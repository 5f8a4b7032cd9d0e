package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;

/**
 * Submission ports, a session opened by a representative for a citizen ({@link GatedAuthentication}): the consent
 * is asked again at MAIL and at the end of DATA, so a revocation or an end stops sending at once, and only a
 * {@code read-reply} consent may send at all ({@code 550 5.7.1} with the reason otherwise). A mail accepted
 * carries {@link #ON_BEHALF_OF}, from which the routing writes the {@code X-SMG-On-Behalf-Of} and
 * {@code Sender:} headers staff see. Sessions of the citizens themselves pass untouched.
 */
public final class ConsentAllowsSending implements MailHook, JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConsentAllowsSending.class);

    /** The delegated session of an SMTP connection, set at AUTH. */
    public static final AttachmentKey<DelegatedSession> SESSION = AttachmentKey.of(DelegatedSession.ATTRIBUTE, DelegatedSession.class);
    /** "representative consent=id" on a mail a representative sent; read by the routing. */
    public static final AttributeName ON_BEHALF_OF = AttributeName.of("org.smg.consent.onBehalfOf");

    private final Consents consents;

    @Inject
    public ConsentAllowsSending(Consents consents) {
        this.consents = consents;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return delegated(session).flatMap(this::refusal).orElse(HookResult.DECLINED);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Optional<DelegatedSession> delegated = delegated(session);
        if (delegated.isEmpty()) {
            return HookResult.DECLINED;
        }
        Optional<HookResult> refused = refusal(delegated.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        Submission.onBehalfOf(mail, delegated.get());
        return HookResult.DECLINED;
    }

    static Optional<DelegatedSession> delegated(SMTPSession session) {
        return session.getAttachment(SESSION, State.Connection);
    }

    private Optional<HookResult> refusal(DelegatedSession delegated) {
        Optional<String> refused;
        try {
            refused = Submission.consentRefusal(consents, delegated);
        } catch (SQLException e) {
            LOGGER.warn("consent {} could not be read: {}", delegated.consentId(), e.toString());
            return Optional.of(HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                .smtpDescription("4.3.0 The consent could not be checked; try again later").build());
        }
        refused.ifPresent(reason -> LOGGER.info("mail of {} for {} refused under consent {}", delegated.representative(),
            delegated.citizen(), delegated.consentId()));
        return refused.map(reason -> refuse("5.7.1 " + reason));
    }

    private static HookResult refuse(String description) {
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("550").smtpDescription(description).build();
    }
}
