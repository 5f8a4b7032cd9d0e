package org.smg.gateway.web.mail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.ForbiddenDelegationException;
import org.apache.james.mailbox.exception.MailboxException;
import org.smg.gateway.consent.Consent;
import org.smg.gateway.consent.ConsentScope;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.web.SignedIn;
import org.smg.mailets.audit.AuditException;

/**
 * Opens James's {@link MailboxSession} for the inbox the signed-in person is looking at: their own, or, for a
 * representative who switched, the citizen's through {@code authenticate(representative).as(citizen)}, so James asks
 * our consent {@code Authorizator} at every request: a consent revoked or ended a second ago is refused here, and the
 * page falls back to the representative's own inbox ({@link ConsentEndedException}).
 *
 * <p>A delegated session carries its {@link DelegatedSession} as a session attribute; {@link #requireChangeAllowed}
 * reads it before any change other than a flag ({@code \Seen} on reading, {@code \Answered} on replying under read-reply),
 * as the IMAP side's scope rule does.
 */
public final class MailSessions {
    private final MailboxManager mailboxes;
    private final Consents consents;

    @Inject
    public MailSessions(MailboxManager mailboxes, Consents consents) {
        this.mailboxes = mailboxes;
        this.consents = consents;
    }

    /**
     * The mailbox session of the inbox shown; end it with {@link #close}.
     *
     * @throws ConsentEndedException when the representative's consent for the citizen shown is no longer valid
     *     (the session is switched back to their own inbox)
     */
    public MailboxSession open(SignedIn.Citizen citizen) throws MailboxException {
        Username self = Username.of(citizen.address());
        Optional<String> other = citizen.session().actingFor();
        if (other.isEmpty()) {
            return mailboxes.authenticate(self).withoutDelegation();
        }
        Optional<Consent> consent = validConsent(citizen.address(), other.get());
        if (consent.isEmpty()) {
            citizen.session().actFor(null);
            throw new ConsentEndedException(other.get());
        }
        MailboxSession session;
        try {
            session = mailboxes.authenticate(self).as(Username.of(other.get()));
        } catch (ForbiddenDelegationException e) {
            citizen.session().actFor(null);
            throw new ConsentEndedException(other.get());
        }
        session.getAttributes().put(DelegatedSession.ATTRIBUTE, DelegatedSession.of(consent.get()));
        return session;
    }

    public void close(MailboxSession session) {
        mailboxes.endProcessingRequest(session);
    }

    /** The citizens whose inbox the representative may switch to now (consents in force, both accounts active). */
    public List<String> switchable(String representative) throws SQLException {
        List<String> citizens = new ArrayList<>();
        try {
            for (Consent consent : consents.of(representative)) {
                if (consent.representative().equalsIgnoreCase(representative) && !citizens.contains(consent.citizen())
                    && consents.validNow(representative, consent.citizen()).isPresent()) {
                    citizens.add(consent.citizen());
                }
            }
        } catch (EnrollmentException e) {
            throw new IllegalStateException("the representative's address was empty", e);
        }
        return citizens;
    }

    /**
     * Switches the inbox shown: empty (or their own address) for their own, else a citizen they hold a valid consent
     * for (the switch is audited as a use of the consent). Returns false, and changes nothing, when there is no such consent.
     */
    public boolean switchTo(SignedIn.Citizen citizen, String target, String client) throws MailboxException, AuditException {
        if (target.isBlank() || target.equalsIgnoreCase(citizen.address())) {
            citizen.session().actFor(null);
            return true;
        }
        Optional<Consent> consent = validConsent(citizen.address(), target);
        if (consent.isEmpty()) {
            return false;
        }
        consents.used(consent.get(), "web", client);
        citizen.session().actFor(consent.get().citizen());
        return true;
    }

    /** Refuses a move or delete in a delegated session: the consents give reading (and replying) only. */
    public static void requireChangeAllowed(MailboxSession session) throws ConsentScopeException {
        Object delegated = session.getAttributes().get(DelegatedSession.ATTRIBUTE);
        if (delegated instanceof DelegatedSession consent) {
            throw new ConsentScopeException(consent.scope());
        }
    }

    /** The scope of a delegated session, empty for the owner's own. */
    public static Optional<ConsentScope> scope(MailboxSession session) {
        return session.getAttributes().get(DelegatedSession.ATTRIBUTE) instanceof DelegatedSession consent
            ? Optional.of(consent.scope())
            : Optional.empty();
    }

    private Optional<Consent> validConsent(String representative, String citizen) throws MailboxException {
        try {
            return consents.validNow(representative, citizen);
        } catch (SQLException e) {
            throw new MailboxException("consents could not be read", e);
        }
    }
}
