package org.smg.gateway.quarantine;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.audit.AuditTrail;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * An administrator's decisions on quarantined mail, each audited with ids and outcome only:
 * <ul>
 * <li>release: the mail is inspected again ({@link QuarantineRecheck}, with the policy and scanner
 *     of now); still refused or no verdict leaves it held; clean puts it back into the mail
 *     pipeline at {@code root}, where it passes every check again, and only then marks it released;</li>
 * <li>delete: the message is removed, the record stays.</li>
 * </ul>
 * Decisions are serialized so that one mail cannot be released twice by two requests at once.
 */
public final class QuarantineDecisions {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineDecisions.class);

    /** What a decision came to. */
    public enum Outcome {
        /** Released into the pipeline, or deleted. */
        DONE,
        NOT_FOUND,
        /** Already released or deleted. */
        NOT_HELD,
        /** The re-check still refuses the mail; it stays held. */
        STILL_REFUSED,
        /** The scanner gave no verdict; the mail stays held. */
        SCANNER_UNAVAILABLE
    }

    /** The outcome, the record as it is after the decision, the refusals of a re-check, and a message for people. */
    public record Decision(Outcome outcome, Optional<QuarantinedMail> record, List<Refusal> refusals, String message) {
    }

    private final QuarantineStore store;
    private final QuarantineRecheck recheck;
    private final MailetContext pipeline;
    private final AuditTrail audit;

    public QuarantineDecisions(QuarantineStore store, QuarantineRecheck recheck, MailetContext pipeline, AuditTrail audit) {
        this.store = store;
        this.recheck = recheck;
        this.pipeline = pipeline;
        this.audit = audit;
    }

    public synchronized Decision release(String id, String actor) throws QuarantineException {
        Optional<QuarantinedMail> found = store.get(id);
        if (found.isEmpty() || found.get().state() != QuarantineState.HELD) {
            return notHeld(AuditAction.QUARANTINE_RELEASED, id, actor, found);
        }
        QuarantinedMail record = found.get();
        Mail mail = store.mail(record).orElseThrow(() -> new QuarantineException("quarantined mail " + id + " holds no message"));
        try {
            List<Refusal> refusals = recheck.recheck(mail);
            if (!refusals.isEmpty()) {
                record(actor, AuditAction.QUARANTINE_RELEASED, id, "still-refused", "reasons=" + QuarantineStore.reasons(refusals));
                return new Decision(Outcome.STILL_REFUSED, found, refusals, "quarantined mail " + id + " is still refused: "
                    + refusals.stream().map(Refusal::describe).reduce((a, b) -> a + "; " + b).orElse(""));
            }
            pipeline.sendMail(mail, Mail.DEFAULT);
        } catch (ScannerUnavailableException e) {
            LOGGER.warn("quarantined mail {} not released: the scanner is unavailable: {}", id, e.getMessage());
            record(actor, AuditAction.QUARANTINE_RELEASED, id, "scanner-unavailable", "");
            return new Decision(Outcome.SCANNER_UNAVAILABLE, found, List.of(), "the virus scanner is unavailable (" + e.getMessage()
                + "); quarantined mail " + id + " stays held: release it again once the scanner is back");
        } catch (MessagingException | IOException e) {
            throw new QuarantineException("re-checking or re-queueing quarantined mail " + id + " failed: " + e.getMessage(), e);
        } finally {
            LifecycleUtil.dispose(mail);
        }
        // Queued first, marked second: a failure in between leaves a record that says held for a
        // mail already on its way (a second release would deliver it twice), never a lost mail.
        store.markReleased(id, actor);
        record(actor, AuditAction.QUARANTINE_RELEASED, id, "released",
            "mail=" + AuditTrail.fromClient(record.mailName()) + " recipients=" + record.recipients().size() + " size=" + record.size());
        LOGGER.info("quarantined mail {} ({}) released by {} into the pipeline", id, record.mailName(), actor);
        return new Decision(Outcome.DONE, store.get(id), List.of(), "released");
    }

    public synchronized Decision delete(String id, String actor) throws QuarantineException {
        Optional<QuarantinedMail> found = store.get(id);
        if (found.isEmpty() || !store.delete(id, actor)) {
            return notHeld(AuditAction.QUARANTINE_DELETED, id, actor, found);
        }
        record(actor, AuditAction.QUARANTINE_DELETED, id, "deleted", "mail=" + AuditTrail.fromClient(found.get().mailName()));
        LOGGER.info("quarantined mail {} ({}) deleted by {}", id, found.get().mailName(), actor);
        return new Decision(Outcome.DONE, store.get(id), List.of(), "deleted");
    }

    private Decision notHeld(AuditAction action, String id, String actor, Optional<QuarantinedMail> found) throws QuarantineException {
        String objectId = AuditTrail.fromClient(id);
        if (found.isEmpty()) {
            record(actor, action, objectId, "not-found", "");
            return new Decision(Outcome.NOT_FOUND, found, List.of(), "no quarantined mail " + objectId);
        }
        record(actor, action, objectId, "not-held", "state=" + found.get().state().word());
        return new Decision(Outcome.NOT_HELD, found, List.of(), "quarantined mail " + objectId + " is " + found.get().state().word()
            + found.get().decidedBy().map(by -> " (by " + by + ")").orElse("") + ", no longer held");
    }

    private void record(String actor, AuditAction action, String id, String outcome, String detail) throws QuarantineException {
        try {
            audit.record(actor, action, id, outcome, detail);
        } catch (AuditException e) {
            throw new QuarantineException("the audit entry of quarantined mail " + id + " could not be recorded: " + e.getMessage(), e);
        }
    }
}
