package org.smg.mailets;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.mailets.audit.AuditSink;

/**
 * Appends one audit entry per mail passing this point of the pipeline to the {@link AuditSink}:
 * the mail's name, the action and outcome configured here, who handed the mail in, the number of
 * recipients and the size; never addresses of recipients, subjects or bodies. The same mailet
 * marks acceptance, delivery or a mail held for an administrator at different points.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.mailets.AuditLog">
 *     <action>MAIL_ACCEPTED</action>
 *     <outcome>accepted</outcome>
 * </mailet>
 * }</pre>
 *
 * <p>{@code action} is one of the {@code MAIL_*} constants of {@link AuditAction}. The sink is
 * injected and has no default (see {@link AuditSink}). When the entry cannot be recorded the
 * mailet throws, so the mail goes to the error processor instead of passing unaudited.
 */
public final class AuditLog extends GenericMailet {
    private static final String ACTION = "action";
    private static final String OUTCOME = "outcome";

    private final AuditSink sink;
    private AuditAction action;
    private String outcome;

    @Inject
    public AuditLog(AuditSink sink) {
        this.sink = sink;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(ACTION, OUTCOME));
        outcome = Optional.ofNullable(getInitParameter(OUTCOME))
            .map(String::strip)
            .filter(value -> value.matches("[a-z][a-z-]{0,31}"))
            .orElseThrow(() -> new MessagingException(
                "AuditLog: 'outcome' is required: a lower-case word such as accepted, delivered or refused"));
        action = Optional.ofNullable(getInitParameter(ACTION))
            .map(value -> value.strip().toUpperCase(Locale.ROOT))
            .flatMap(AuditLog::mailAction)
            .orElseThrow(() -> new MessagingException(
                "AuditLog: 'action' is required: one of MAIL_ACCEPTED, MAIL_DELIVERED, MAIL_BOUNCED, MAIL_HELD"));
    }

    private static Optional<AuditAction> mailAction(String name) {
        for (AuditAction candidate : AuditAction.values()) {
            if (candidate.isMailEvent() && candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String detail = "recipients=" + mail.getRecipients().size() + " size=" + mail.getMessageSize();
        try {
            sink.append(actor(mail), action, mail.getName(), outcome, detail);
        } catch (AuditException e) {
            throw new MessagingException("AuditLog: the " + action + " entry of mail " + mail.getName() + " could not be recorded", e);
        }
    }

    /** Acceptance is the sender's act (the logged-in user, else the relaying server); later steps are the gateway's. */
    private String actor(Mail mail) {
        if (action != AuditAction.MAIL_ACCEPTED) {
            return "system";
        }
        return mail.getAttribute(Mail.SMTP_AUTH_USER)
            .map(attribute -> "user:" + attribute.getValue().value())
            .orElseGet(() -> "mta:" + mail.getRemoteAddr());
    }

    AuditAction action() {
        return action;
    }

    String outcome() {
        return outcome;
    }

    @Override
    public String getMailetInfo() {
        return "Audit entry per mail: ids, action and outcome only";
    }
}
