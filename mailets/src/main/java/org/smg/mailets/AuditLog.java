package org.smg.mailets;

import java.util.Set;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one audit line per mail entering the pipeline: ids and outcome, never addresses'
 * content, subjects or bodies. The outcome is configurable so the same mailet marks acceptance,
 * delivery or refusal at different points of the pipeline.
 *
 * <pre>{@code
 * <mailet match="All" class="org.smg.mailets.AuditLog">
 *     <outcome>accepted</outcome>
 * </mailet>
 * }</pre>
 */
public final class AuditLog extends GenericMailet {
    static final String LOGGER_NAME = "org.smg.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String OUTCOME = "outcome";

    private String outcome;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(OUTCOME));
        outcome = Optional.ofNullable(getInitParameter(OUTCOME))
            .map(String::strip)
            .filter(value -> value.matches("[a-z][a-z-]{0,31}"))
            .orElseThrow(() -> new MessagingException(
                "AuditLog: 'outcome' is required: a lower-case word such as accepted, delivered or refused"));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        AUDIT.info("mail={} outcome={} recipients={} size={} remote={}",
            mail.getName(), outcome, mail.getRecipients().size(), mail.getMessageSize(), mail.getRemoteAddr());
    }

    String outcome() {
        return outcome;
    }

    @Override
    public String getMailetInfo() {
        return "Audit line per mail: ids and outcome only";
    }
}
