package org.smg.gateway.delivery;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.RecipientStatus;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Program;

/**
 * Decides whether mail to a local address may be delivered: only to an active account. Asked at
 * RCPT ({@code ActiveRecipientsOnly}) and again in the pipeline ({@link ClosedInboxBounce}), so a
 * state that changed while the mail was queued is caught too.
 *
 * <p>Two kinds of local address are not citizens and are left to James's own checks
 * (its recipient validation and the rewrite table an administrator controls): {@code postmaster}
 * in every local domain (RFC 5321 section 4.5.1) and the programs' staff addresses, should a
 * program ever use an address in a local domain.
 */
public final class RecipientPolicy {
    private static final String POSTMASTER = "postmaster";

    private final Enrollment enrollment;
    private final PolicyHolder policies;

    @Inject
    public RecipientPolicy(Enrollment enrollment, PolicyHolder policies) {
        this.enrollment = enrollment;
        this.policies = policies;
    }

    /** The refusal for this local recipient, or empty when it may receive mail or is not ours to decide. */
    public Optional<RecipientStatus> refusal(MailAddress recipient) throws SQLException {
        if (exempt(recipient)) {
            return Optional.empty();
        }
        RecipientStatus status = enrollment.recipient(recipient.asString().toLowerCase(Locale.ROOT));
        return status.deliverable() ? Optional.empty() : Optional.of(status);
    }

    private boolean exempt(MailAddress recipient) {
        if (recipient.getLocalPart().equalsIgnoreCase(POSTMASTER)) {
            return true;
        }
        String address = recipient.asString();
        return policies.current().programs().all().stream()
            .map(Program::staffAddress)
            .anyMatch(address::equalsIgnoreCase);
    }
}
