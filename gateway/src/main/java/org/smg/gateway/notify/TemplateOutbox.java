package org.smg.gateway.notify;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.MailetContext;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.WebLinks;
import org.smg.policies.model.NotificationMode;
import org.smg.policies.model.NotificationPolicy;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Program;

/**
 * Writes the notification from the policy in force (notifications.yaml) and hands it to the mail
 * pipeline, which sends it to the external address through the smart host and DKIM-signs it on
 * the way out. The only inputs are the template, the names of the citizen's programs (from the
 * account) and the sign-in page, the same for every citizen: nothing of the delivered mail.
 */
final class TemplateOutbox implements NotificationOutbox {
    /** The programs' names for {@code {programName}} when the account's programs are no longer in programs.yaml. */
    static final String NO_PROGRAM = "secure messaging";

    private final PolicyHolder policies;
    private final WebLinks links;
    private final MailetContext context;
    private final String defaultSender;

    TemplateOutbox(PolicyHolder policies, WebLinks links, MailetContext context, String defaultDomain) {
        this.policies = policies;
        this.links = links;
        this.context = context;
        this.defaultSender = "no-reply@" + defaultDomain;
    }

    @Override
    public void send(Account account) throws MessagingException {
        MimeMessage message = render(account);
        String from = policies.current().notifications().sender().orElse(defaultSender);
        MailImpl mail = MailImpl.builder()
            .name("smg-notification-" + UUID.randomUUID())
            .sender(new MailAddress(from))
            .addRecipients(List.of(new MailAddress(NotificationMessage.oneAddress(account.email()).getAddress())))
            .mimeMessage(message)
            .build();
        try {
            context.sendMail(mail);
        } finally {
            mail.dispose();
        }
    }

    MimeMessage render(Account account) throws MessagingException {
        NotificationPolicy policy = policies.current().notifications();
        Optional<URI> signIn = policy.mode() == NotificationMode.LINK ? Optional.of(URI.create(links.signIn())) : Optional.empty();
        String from = policy.sender().orElse(defaultSender);
        return NotificationMessage.build(from, account.email(), policy.template().render(programNames(account), signIn));
    }

    private String programNames(Account account) {
        String names = account.programs().stream()
            .map(id -> policies.current().programs().find(id))
            .flatMap(Optional::stream)
            .map(Program::name)
            .collect(Collectors.joining(", "));
        return names.isEmpty() ? NO_PROGRAM : names;
    }
}
