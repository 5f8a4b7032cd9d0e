package org.smg.gateway.attachments;

import java.io.IOException;
import java.sql.SQLException;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.mailets.audit.AuditSink;

/**
 * Inspects a whole mail against the rules of the inboxes it concerns: every file's type, name and content, and a
 * virus scan of every part. The SMTP session, the mail pipeline and a quarantine release all decide through here.
 * A mail that passed carries an attribute (set by the gateway, never by a client) so the pipeline does not scan
 * it a second time.
 */
public final class MailInspection {
    private static final AttributeName PASSED = AttributeName.of("org.smg.inspection.passed");

    private final MessageInspector inspector;
    private final MailRules rules;
    private final AuditSink audit;

    @Inject
    public MailInspection(MessageInspector inspector, MailRules rules, AuditSink audit) {
        this.inspector = inspector;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * @throws ScannerUnavailableException when the scanner gave no verdict: the mail must wait, neither delivered
     *     nor refused
     * @throws InspectionFailedException when the inspection itself failed (storage, policy): hold the mail
     */
    public Inspection inspect(Mail mail) throws ScannerUnavailableException, InspectionFailedException {
        Inspection inspection;
        try {
            inspection = inspector.inspect(mail.getMessage(), rules.rulesFor(mail));
        } catch (ScannerUnavailableException e) {
            record(mail, "waiting", "scanner=unavailable");
            throw e;
        } catch (MessagingException | IOException | SQLException e) {
            throw new InspectionFailedException("mail " + mail.getName() + " could not be inspected", e);
        }
        // A refusal is recorded by the quarantine (MAIL_QUARANTINED), with the quarantine id.
        if (!inspection.isRefused()) {
            record(mail, "clean", "attachments=" + inspection.attachments().size());
        }
        return inspection;
    }

    private void record(Mail mail, String outcome, String detail) throws InspectionFailedException {
        try {
            audit.append("system", AuditAction.MAIL_SCANNED, mail.getName(), outcome, detail);
        } catch (AuditException e) {
            throw new InspectionFailedException("the scan of mail " + mail.getName() + " could not be recorded", e);
        }
    }

    /** Records on the mail that it passed, so later stages need not inspect it again. */
    public static void markPassed(Mail mail) {
        mail.setAttribute(new Attribute(PASSED, AttributeValue.of(true)));
    }

    public static boolean hasPassed(Mail mail) {
        return mail.getAttribute(PASSED).flatMap(attribute -> attribute.getValue().valueAs(Boolean.class)).orElse(false);
    }
}
