package org.smg.gateway.consent;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.enrollment.CitizenNotices;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.SessionEnd;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.policies.model.PolicyHolder;

/**
 * Representatives' consents: recorded and revoked by administrators (each change audited), and asked at
 * every delegated login and at every command of a delegated session, so that a revocation or an end
 * takes effect at once, with no job that has to run first.
 *
 * <p>A consent gives access while it is in force (started, not ended, not revoked) and both its accounts
 * are active; a suspended citizen or representative suspends the access too.
 *
 * <p>The citizen is told (content-free, {@link CitizenNotices}) when a representative's access starts (at once for a
 * consent in force when recorded, by {@link #passTime()} for one dated in the future) and when it ends (at once on
 * revocation, by {@link #passTime()} when its end passes). The consent's row records each notice sent, so a restart
 * neither repeats nor loses one: the first run of the schedule sends what fell due while the gateway was down.
 */
public final class Consents {
    /** How a delegated session learns that its consent ended (IMAP: an untagged BYE; SMTP: a 421). */
    public static final SessionEnd CONSENT_ENDED = new SessionEnd(SessionEnd.Cause.ACCOUNT_CHANGED,
        "Session ended by the gateway: the consent to act for this account is no longer valid");
    private static final Logger LOGGER = LoggerFactory.getLogger(Consents.class);
    private final ConsentStore store;
    private final AccountStore accounts;
    private final PolicyHolder policies;
    private final AuditTrail audit;
    private final CitizenNotices notices;
    private final AccountSessions sessions;
    private final Clock clock;
    /** Where the last {@link #passTime()} stopped: the consents whose end lies after it have sessions to end. */
    private Instant passedUntil;

    public Consents(ConsentStore store, AccountStore accounts, PolicyHolder policies, AuditTrail audit, CitizenNotices notices,
                    AccountSessions sessions, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.accounts = accounts;
        this.policies = policies;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.passedUntil = clock.instant();
    }

    /** What an administrator asks to record; every field as the request gave it (checked by {@link #record}). */
    public record Request(String form, String representative, String citizen, String scope, String start, String end) {
    }

    public Consent record(Request request, String actor) throws EnrollmentException, SQLException, AuditException {
        List<String> forms = policies.current().consentForms().all();
        if (request.form() == null || !forms.contains(request.form())) {
            throw EnrollmentException.invalid("'form' must be one of " + String.join(", ", forms)
                + " (further forms are named in conf/policies/consents.yaml)");
        }
        String representative = activeAccount("representative", request.representative());
        String citizen = activeAccount("citizen", request.citizen());
        if (representative.equals(citizen)) {
            throw EnrollmentException.invalid("'representative' and 'citizen' must be two different accounts");
        }
        ConsentScope scope = ConsentScope.fromWord(request.scope()).orElseThrow(() ->
            EnrollmentException.invalid("'scope' must be read or read-reply"));
        Instant start = instant("start", request.start());
        Instant end = instant("end", request.end());
        if (!end.isAfter(start)) {
            throw EnrollmentException.invalid("'end' (" + end + ") must be after 'start' (" + start + ")");
        }
        long id = store.insert(request.form(), representative, citizen, scope, start, end, clock.instant(), actor);
        audit.record(actor, AuditAction.CONSENT_RECORDED, "consent:" + id, "recorded", "form=" + request.form()
            + " representative=" + representative + " citizen=" + citizen + " scope=" + scope.word()
            + " start=" + start + " end=" + end);
        Consent recorded = store.find(id).orElseThrow(() -> new SQLException("consent missing right after its insert"));
        if (recorded.inForceAt(clock.instant())) {
            noticeStarted(recorded);
        }
        return recorded;
    }

    /** Revokes a consent; open delegated sessions end at once (IDLE included), and new delegated logins are refused. */
    public void revoke(String id, String actor) throws EnrollmentException, SQLException, AuditException {
        long number = parseId(id);
        Optional<Consent> consent = store.find(number);
        if (consent.isEmpty()) {
            throw EnrollmentException.notFound("no consent with id '" + id + "'");
        }
        if (!store.revoke(number, clock.instant(), actor)) {
            throw EnrollmentException.conflict("consent " + number + " is revoked already");
        }
        sessions.endAll(sessionKey(number), CONSENT_ENDED);
        audit.record(actor, AuditAction.CONSENT_REVOKED, "consent:" + number, "revoked",
            "representative=" + consent.get().representative() + " citizen=" + consent.get().citizen());
        noticeEnded(consent.get(), clock.instant());
    }

    /**
     * Tells the citizen (content-free, at their external address). The consent is recorded or revoked whatever
     * happens here: a notice that cannot be queued is logged, not turned into an error for the administrator.
     */
    private void notify(String citizen, Consumer<Account> notice) {
        try {
            accounts.find(citizen).ifPresent(notice);
        } catch (SQLException | RuntimeException e) {
            LOGGER.warn("consent notice to citizen {} could not be queued: {}", citizen, e.toString());
        }
    }

    /** The consents an account gives (as citizen) or holds (as representative), newest first. */
    public List<Consent> of(String account) throws EnrollmentException, SQLException {
        if (account == null || account.isBlank()) {
            throw EnrollmentException.invalid("the 'account' parameter is required: the address of a citizen or a representative");
        }
        return store.ofAccount(key(account));
    }

    /** The consent that lets the representative into the citizen's mailbox now, if any. */
    public Optional<Consent> validNow(String representative, String citizen) throws SQLException {
        Instant now = clock.instant();
        for (Consent consent : store.unrevoked(key(representative), key(citizen))) {
            if (consent.inForceAt(now) && bothActive(consent)) {
                return Optional.of(consent);
            }
        }
        return Optional.empty();
    }

    /** Whether the consent still gives access now: asked at every command of a delegated session. */
    public boolean stillValid(long id) throws SQLException {
        Optional<Consent> consent = store.find(id);
        return consent.isPresent() && consent.get().inForceAt(clock.instant()) && bothActive(consent.get());
    }

    /**
     * Registers an open delegated session under its consent, to be ended by a revocation or when the consent's end
     * passes ({@link #passTime()}) even while the client sends nothing (IDLE). A consent that stopped being valid
     * between the login's check and this registration ends the session at once.
     */
    public AccountSessions.Registration opened(DelegatedSession delegated, String protocol, Consumer<SessionEnd> ender) {
        return sessions.registerUnder(sessionKey(delegated.consentId()), protocol, ender, () -> stillValidOrClosed(delegated.consentId()),
            CONSENT_ENDED);
    }

    /**
     * Ends the open sessions of every consent whose end passed since the last call, and sends the citizens' notices
     * that fell due (access started, access ended); run every second by {@link ConsentSchedule}. Access does not wait
     * for it: every command of a delegated session asks {@link #stillValid} first; this only reaches sessions that
     * send no command (IDLE).
     */
    public synchronized void passTime() throws SQLException {
        Instant now = clock.instant();
        for (Consent consent : store.endingBetween(passedUntil, now)) {
            int ended = sessions.endAll(sessionKey(consent.id()), CONSENT_ENDED);
            if (ended > 0) {
                LOGGER.info("consent {} ended at {}: {} open session(s) ended", consent.id(), consent.end(), ended);
            }
        }
        passedUntil = now;
        for (Consent consent : store.startedUnnoticed(now)) {
            noticeStarted(consent);
        }
        for (Consent consent : store.endedUnnoticed(now)) {
            noticeEnded(consent, consent.end());
        }
    }

    /** Tells the citizen a representative's access started, once (the row records it, so a restart does not repeat it). */
    private void noticeStarted(Consent consent) throws SQLException {
        if (store.claimNotice(consent.id(), ConsentStore.Notice.STARTED, clock.instant())) {
            notify(consent.citizen(), account -> notices.representativeAccessGranted(account, consent.start(), consent.end()));
        }
    }

    /** Tells the citizen a representative's access ended (revoked or its end passed), once, and only if its start was told. */
    private void noticeEnded(Consent consent, Instant at) throws SQLException {
        if (store.claimNotice(consent.id(), ConsentStore.Notice.ENDED, clock.instant())) {
            notify(consent.citizen(), account -> notices.representativeAccessRevoked(account, at));
        }
    }

    static String sessionKey(long id) {
        return "consent:" + id;
    }

    private boolean stillValidOrClosed(long id) {
        try {
            return stillValid(id);
        } catch (SQLException e) {
            LOGGER.warn("consent {} could not be read: {}", id, e.toString());
            return false;
        }
    }

    /** Records a delegated login: the representative is the actor, the citizen the object, the consent in the detail. */
    public void used(Consent consent, String protocol, String client) throws AuditException {
        audit.record("user:" + consent.representative(), AuditAction.CONSENT_USED, consent.citizen(), "succeeded",
            "consent=" + consent.id() + " scope=" + consent.scope().word() + " protocol=" + protocol + " client=" + AuditTrail.fromClient(client));
    }

    private boolean bothActive(Consent consent) throws SQLException {
        return isActive(consent.representative()) && isActive(consent.citizen());
    }

    private boolean isActive(String address) throws SQLException {
        return accounts.find(address).map(Account::state).filter(AccountState.ACTIVE::equals).isPresent();
    }

    private String activeAccount(String field, String address) throws EnrollmentException, SQLException {
        if (address == null || address.isBlank()) {
            throw EnrollmentException.invalid("'" + field + "' is required: the address of an enrolled account");
        }
        Optional<Account> account = accounts.find(address);
        if (account.isEmpty()) {
            throw EnrollmentException.invalid("'" + field + "': no account '" + AuditTrail.fromClient(address) + "'");
        }
        if (account.get().state() != AccountState.ACTIVE) {
            throw EnrollmentException.invalid("'" + field + "': account " + account.get().address() + " is "
                + account.get().state().word() + "; expected an active account");
        }
        return account.get().address();
    }

    private static Instant instant(String field, String text) throws EnrollmentException {
        if (text == null) {
            throw EnrollmentException.invalid("'" + field + "' is required: an ISO-8601 date and time with its offset, such as 2027-01-31T17:00:00-05:00");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw EnrollmentException.invalid("'" + field + "' must be an ISO-8601 date and time with its offset, such as"
                + " 2027-01-31T17:00:00-05:00; got '" + AuditTrail.fromClient(text) + "'");
        }
    }

    private static long parseId(String id) throws EnrollmentException {
        try {
            long number = Long.parseLong(id);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like an id that does not exist
        }
        throw EnrollmentException.notFound("no consent with id '" + AuditTrail.fromClient(id) + "'");
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
