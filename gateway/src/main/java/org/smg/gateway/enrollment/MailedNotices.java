package org.smg.gateway.enrollment;

import java.util.List;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.mail.MessagingException;

import org.smg.policies.model.Program;

/**
 * The content-free notices and the welcome message, written here and sent through the mail
 * pipeline. Notices come from {@code no-reply@<default domain>} and name no message, subject or
 * sender of anything in the secure inbox.
 */
public final class MailedNotices implements CitizenNotices, WelcomeDelivery {
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(MailedNotices.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PipelineMail mail;
    private final String noReply;
    private final WebLinks web;
    private final boolean emailInvitations;
    private final org.smg.policies.model.PolicyHolder policies;
    private final String domain;

    /**
     * @param emailInvitations whether outbound mail is configured: an invitation's link is emailed
     *                         only then, so that no live link waits in clear in the held repository
     */
    public MailedNotices(org.apache.mailet.MailetContext context, String domain, WebLinks web, boolean emailInvitations,
                         org.smg.policies.model.PolicyHolder policies) {
        this.mail = new PipelineMail(context);
        this.policies = policies;
        this.domain = domain;
        this.noReply = "no-reply@" + domain;
        this.web = web;
        this.emailInvitations = emailInvitations;
    }

    @Override
    public void invitation(Account account, String programName, String link, Instant expires) {
        if (!emailInvitations) {
            LOGGER.info("invitation for {} not emailed: no smart host is configured (the link is for the agency's letter)", account.address());
            return;
        }
        notice(account, "Your invitation to secure messaging",
            "Dear " + account.displayName() + ",\n\n"
            + "The " + programName + " office has invited you to exchange messages with it securely.\n\n"
            + "To register, open this link (the same link is in the letter the office sent you):\n\n"
            + "  " + link + "\n\n"
            + "The link works once, until " + WHEN.format(expires) + ".\n"
            + "If you did not expect this invitation, ignore this message: nothing happens until the link is used.\n");
    }

    @Override
    public void passwordChanged(Account account) {
        notice(account, "The password of your secure inbox was changed",
            "Dear " + account.displayName() + ",\n\n"
            + "The password of your secure inbox was changed on " + WHEN.format(Instant.now()) + ".\n"
            + "Every mail program and browser that was signed in has been signed out.\n\n"
            + "If you did not change it, contact the office that invited you at once.\n\n"
            + "Sign in: " + web.signIn() + "\n");
    }

    @Override
    public void optedOut(Account account) {
        notice(account, "You have left secure messaging",
            "Dear " + account.displayName() + ",\n\n"
            + "Your secure inbox was closed on " + WHEN.format(Instant.now()) + " and you will receive paper correspondence again.\n"
            + "The messages already in it are kept as records. Staff mail sent to it is returned to the sender.\n\n"
            + "If you did not ask for this, contact the office that invited you.\n");
    }

    @Override
    public void representativeAccessGranted(Account account, Instant start, Instant end) {
        // Names neither the representative nor any message: the consent form and the office have the details.
        notice(account, "A representative can now read your secure inbox",
            "Dear " + account.displayName() + ",\n\n"
            + "Following the consent form you signed, a representative can read the messages in your secure inbox"
            + " from " + WHEN.format(start) + " until " + WHEN.format(end) + ".\n"
            + "Their access ends by itself then; you can ask the office to end it earlier.\n\n"
            + "If you did not give such a consent, contact the office that invited you at once.\n\n"
            + "Sign in: " + web.signIn() + "\n");
    }

    @Override
    public void representativeAccessRevoked(Account account, Instant at) {
        notice(account, "A representative's access to your secure inbox has ended",
            "Dear " + account.displayName() + ",\n\n"
            + "The consent that let a representative read your secure inbox was ended on " + WHEN.format(at) + ".\n"
            + "They can no longer read or send messages for you.\n\n"
            + "Sign in: " + web.signIn() + "\n");
    }

    @Override
    public void emailChangeConfirmation(Account account, String newEmail, String link, Instant expires) {
        // Says nothing of the inbox or its mail: whoever holds this address learns only that a change was asked for.
        try {
            mail.send(noReply, "Secure messaging", newEmail, "Confirm your new notification address",
                "Someone asked to send secure messaging notifications to this address.\n\n"
                + "If it was you, open this link to confirm:\n\n"
                + "  " + link + "\n\n"
                + "The link works once, until " + WHEN.format(expires) + ".\n"
                + "If you did not ask for this, ignore this message: nothing changes until the link is used.\n"
                + "\nThis message was sent automatically; replies are not read.\n", true);
        } catch (MessagingException e) {
            throw new IllegalStateException("notification address confirmation for " + account.address() + " could not be queued", e);
        }
    }

    @Override
    public void deliver(Account account, Program program) throws MessagingException {
        String topics = TopicAddresses.paragraph(TopicAddresses.of(policies.current(), List.of(program.id()), domain));
        mail.send(program.staffAddress(), program.name(), account.address(), program.welcome().subject(),
            program.welcome().body() + topics, false);
    }

    private void notice(Account account, String subject, String text) {
        try {
            mail.send(noReply, "Secure messaging", account.email(), subject, text
                + "\nThis message was sent automatically; replies are not read.\n", true);
        } catch (MessagingException e) {
            throw new IllegalStateException("notice to the external address of " + account.address() + " could not be queued", e);
        }
    }
}
