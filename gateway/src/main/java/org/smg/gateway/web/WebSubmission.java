package org.smg.gateway.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.server.core.MailImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.Inspection;
import org.smg.gateway.attachments.InspectionFailedException;
import org.smg.gateway.attachments.MailInspection;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.consent.Consent;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.routing.CitizenRoutes;
import org.smg.gateway.smtp.Submission;

/**
 * Sends what a citizen wrote in the browser the way the submission ports send what a mail client wrote: the same
 * checks in the same order (consent of a representative, recipient a topic or reply address of the citizen, the
 * attachment inspection and scan), the same attributes on the mail ({@link Submission}), and the same hand-over:
 * James's spool queue, as James's SMTP {@code SendMailHandler} does. From there the pipeline routes it to staff,
 * writes the gateway's headers, keeps the record and signs it, exactly as for SMTP.
 */
final class WebSubmission {
    private static final Logger LOGGER = LoggerFactory.getLogger(WebSubmission.class);

    /** Why a message was not sent, in a sentence for the page, and the file concerned if any. */
    static final class Refused extends Exception {
        private final String fileName;

        Refused(String message, String fileName) {
            super(message, null, false, false);
            this.fileName = fileName;
        }

        Optional<String> fileName() {
            return Optional.ofNullable(fileName);
        }
    }

    /** Who sends: the inbox's owner, and the representative's consent when one writes for them. */
    record Author(Account inbox, Optional<DelegatedSession> delegated) {
    }

    private final Enrollment enrollment;
    private final Consents consents;
    private final CitizenRoutes routes;
    private final MailInspection inspection;
    private final java.util.function.Supplier<MailQueue> spool;

    WebSubmission(Enrollment enrollment, Consents consents, CitizenRoutes routes, MailInspection inspection,
                  java.util.function.Supplier<MailQueue> spool) {
        this.enrollment = enrollment;
        this.consents = consents;
        this.routes = routes;
        this.inspection = inspection;
        this.spool = spool;
    }

    /** The author of mail written in this session: the person, or the citizen a representative acts for under a consent. */
    Author author(SignedIn.Citizen person) throws SQLException, Refused {
        Optional<String> actingFor = person.session().actingFor();
        if (actingFor.isEmpty()) {
            return new Author(person.account(), Optional.empty());
        }
        Optional<Consent> consent = consents.validNow(person.address(), actingFor.get());
        Optional<Account> citizen = enrollment.find(actingFor.get());
        if (consent.isEmpty() || citizen.isEmpty()) {
            throw new Refused("Your consent to act for " + actingFor.get() + " is no longer valid; nothing was sent.", null);
        }
        return new Author(citizen.get(), Optional.of(DelegatedSession.of(consent.get())));
    }

    /** Refuses when the author may not send now (a representative whose consent is not read-reply or ended). */
    void checkMaySend(Author author) throws SQLException, Refused {
        if (author.delegated().isPresent()) {
            Optional<String> refusal = Submission.consentRefusal(consents, author.delegated().get());
            if (refusal.isPresent()) {
                throw new Refused(refusal.get() + ".", null);
            }
        }
    }

    /** The recipient when it is one of the author's topic or reply addresses. */
    MailAddress recipient(Author author, String to) throws SQLException, Refused {
        MailAddress recipient;
        try {
            recipient = new MailAddress(to);
        } catch (AddressException e) {
            throw new Refused("Choose the topic of your message.", null);
        }
        if (routes.resolve(author.inbox().address(), recipient).isEmpty()) {
            throw new Refused("You can write only to one of your topics or reply to a message from the office.", null);
        }
        return recipient;
    }

    /**
     * Hands the message to the spool; returns the mail's name.
     *
     * @param client the browser's address, recorded like an SMTP client's
     */
    String send(Author author, MailAddress recipient, MimeMessage message, String client) throws SQLException, Refused, MessagingException {
        checkMaySend(author);
        MailImpl mail = MailImpl.builder()
            .name("web-" + UUID.randomUUID())
            .sender(new MailAddress(author.inbox().address()))
            .addRecipients(List.of(recipient))
            .mimeMessage(message)
            .build();
        try {
            Submission.authenticated(mail, author.inbox().address(), client, client);
            author.delegated().ifPresent(delegated -> Submission.onBehalfOf(mail, delegated));
            inspect(mail);
            spool.get().enQueue(mail);
            LOGGER.info("web mail {} from {} spooled{}", mail.getName(), author.inbox().address(),
                author.delegated().map(d -> " by " + d.representative() + " under consent " + d.consentId()).orElse(""));
            return mail.getName();
        } catch (MailQueue.MailQueueException e) {
            throw new MessagingException("mail " + mail.getName() + " could not be spooled", e);
        } finally {
            mail.dispose();
        }
    }

    /** As {@code AttachmentGate}: refused mail is not queued; no verdict from the scanner leaves the scan to the queue. */
    private void inspect(MailImpl mail) throws Refused, MessagingException {
        Inspection result;
        try {
            result = inspection.inspect(mail);
        } catch (ScannerUnavailableException e) {
            LOGGER.warn("web mail {}: scanner unavailable ({}); accepted, the scan waits in the queue", mail.getName(), e.getMessage());
            return;
        } catch (InspectionFailedException e) {
            throw new MessagingException("web mail " + mail.getName() + " could not be inspected", e);
        }
        if (result.isRefused()) {
            LOGGER.info("web mail {} refused: {} problem(s), first {}", mail.getName(), result.refusals().size(),
                result.refusals().get(0).reason().code());
            throw new Refused("Your message was not sent: " + result.refusals().get(0).describe() + ".",
                result.refusals().get(0).fileName());
        }
        MailInspection.markPassed(mail);
    }
}
