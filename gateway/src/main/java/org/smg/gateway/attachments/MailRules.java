package org.smg.gateway.attachments;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.policies.model.AttachmentRules;
import org.smg.policies.model.PolicyHolder;

/**
 * The attachment rules a mail is held to: the strictest of the programs of every secure inbox it concerns
 * (a citizen sender's programs, every citizen recipient's programs), the policy's default when it concerns none.
 * Read from the policy in force at each call, so a reload applies to the next mail.
 */
public final class MailRules {
    private final PolicyHolder policies;
    private final AccountStore accounts;

    @Inject
    public MailRules(PolicyHolder policies, AccountStore accounts) {
        this.policies = policies;
        this.accounts = accounts;
    }

    public AttachmentRules rulesFor(Mail mail) throws SQLException {
        Set<String> programs = new LinkedHashSet<>();
        if (mail.hasSender()) {
            programsOf(mail.getMaybeSender().get()).ifPresent(programs::addAll);
        }
        for (MailAddress recipient : mail.getRecipients()) {
            programsOf(recipient).ifPresent(programs::addAll);
        }
        return policies.current().attachments().strictest(programs);
    }

    private Optional<java.util.List<String>> programsOf(MailAddress address) throws SQLException {
        return accounts.find(address.asString()).map(Account::programs);
    }
}
