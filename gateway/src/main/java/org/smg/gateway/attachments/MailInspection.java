package org.smg.gateway.attachments;

import java.io.IOException;
import java.sql.SQLException;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

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

    @Inject
    public MailInspection(MessageInspector inspector, MailRules rules) {
        this.inspector = inspector;
        this.rules = rules;
    }

    /**
     * @throws ScannerUnavailableException when the scanner gave no verdict: the mail must wait, neither delivered
     *     nor refused
     * @throws InspectionFailedException when the inspection itself failed (storage, policy): hold the mail
     */
    public Inspection inspect(Mail mail) throws ScannerUnavailableException, InspectionFailedException {
        try {
            return inspector.inspect(mail.getMessage(), rules.rulesFor(mail));
        } catch (MessagingException | IOException | SQLException e) {
            throw new InspectionFailedException("mail " + mail.getName() + " could not be inspected", e);
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
