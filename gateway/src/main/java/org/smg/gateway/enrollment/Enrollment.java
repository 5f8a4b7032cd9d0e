package org.smg.gateway.enrollment;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.auth.ThrottledUsersRepository;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;

/**
 * The enrollment rules: invitations, registration, terms, suspension, opt-out, passwords. Every
 * decision is appended to the audit trail by the actor given (an administrator's audit name, or
 * {@code user:<address>} for a citizen).
 *
 * <p>Changes are serialized by one lock: they are rare, and it keeps an invitation, its account
 * and the earlier invitations it revokes consistent without database transactions across tables.
 */
public final class Enrollment {
    private static final Logger LOGGER = LoggerFactory.getLogger(Enrollment.class);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int NAME_LENGTH = 200;
    /** How long an administrator's password reset link works. */
    public static final Duration RESET_LIFETIME = Duration.ofDays(3);
    /** How long a notification address confirmation link works. */
    public static final Duration EMAIL_CHANGE_LIFETIME = Duration.ofDays(1);

    private final AccountStore accounts;
    private final InvitationStore links;
    private final UsersRepository users;
    private final PolicyHolder policies;
    private final AuditTrail audit;
    private final AccountSessions sessions;
    private final CitizenNotices notices;
    private final WelcomeDelivery welcome;
    private final WebLinks web;
    private final DerivedCredentials derived;
    private final String domain;
    private final Clock clock;

    public Enrollment(AccountStore accounts, InvitationStore links, UsersRepository users, PolicyHolder policies, AuditTrail audit,
                      AccountSessions sessions, CitizenNotices notices, WelcomeDelivery welcome, WebLinks web, DerivedCredentials derived,
                      String domain, Clock clock) {
        this.derived = derived;
        this.accounts = accounts;
        this.links = links;
        this.users = users;
        this.policies = policies;
        this.audit = audit;
        this.sessions = sessions;
        this.notices = notices;
        this.welcome = welcome;
        this.web = web;
        this.domain = domain;
        this.clock = clock;
        sessions.checkEachRegistrationWith(this::stillActive);
    }

    /** Whether sessions of this account may stay open; a database that cannot answer closes them. */
    private boolean stillActive(String address) {
        try {
            return accounts.find(address).map(account -> account.state() == AccountState.ACTIVE).orElse(false);
        } catch (SQLException e) {
            LOGGER.warn("state of {} could not be read; its new session is ended: {}", address, e.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- invitations

    /** Creates an invitation (and the invited account on first invitation); revokes the person's earlier pending ones. */
    public IssuedLink invite(InvitationRequest request, String actor) throws EnrollmentException, SQLException, AuditException {
        return invite(request, actor, true);
    }

    /** As {@link #invite(InvitationRequest, String)}; {@code emailNotice} false keeps the link out of the external mailbox (the demo). */
    public synchronized IssuedLink invite(InvitationRequest request, String actor, boolean emailNotice)
            throws EnrollmentException, SQLException, AuditException {
        Program program = program(request.program());
        String email = checkedEmail(request.email());
        String name = checkedName("name", request.name());
        Optional<BusinessIdentity> business = business(request);
        Optional<Account> existing = accounts.findByEmail(email);
        Account account;
        if (existing.isPresent()) {
            account = existing.get();
            if (account.state() == AccountState.SUSPENDED) {
                throw EnrollmentException.conflict("the account " + account.address() + " for " + email + " is suspended; reactivate it instead");
            }
            revokePending(account.address(), actor, "superseded");
        } else {
            String address = AddressAllocator.allocate(business.map(BusinessIdentity::entityName).orElse(name), domain, this::addressTaken);
            account = new Account(address, name, AccountStore.key(email), List.of(), AccountState.INVITED, Optional.empty(), Optional.empty(), business, now());
            accounts.insert(account);
        }
        String token = LinkTokens.newToken();
        Invitation invitation = new Invitation(LinkTokens.newId(), LinkPurpose.INVITATION, account.address(), Optional.of(program.id()), email,
            name, business, LinkTokens.hash(token), now(), now().plus(program.invitationLifetime()), InvitationState.PENDING, 0, actor);
        links.insert(invitation);
        audit.record(actor, AuditAction.INVITATION_CREATED, invitation.id(), "created",
            "program=" + program.id() + " address=" + account.address() + " expires=" + invitation.expires());
        String link = web.register(token);
        if (!emailNotice) {
            return new IssuedLink(invitation, link);
        }
        try {
            notices.invitation(account, program.name(), link, invitation.expires());
        } catch (RuntimeException e) {
            LOGGER.warn("invitation {} created, but its email notice could not be queued: {}", invitation.id(), e.toString());
        }
        return new IssuedLink(invitation, link);
    }

    /** Invitations, newest first, all or those in one state (as seen now). */
    public List<Invitation> invitations(Optional<InvitationState> state) throws SQLException {
        List<Invitation> shown = new ArrayList<>();
        for (Invitation invitation : links.list(LinkPurpose.INVITATION)) {
            if (state.isEmpty() || invitation.stateAt(now()) == state.get()) {
                shown.add(invitation);
            }
        }
        return shown;
    }

    public Optional<Invitation> invitation(String id) throws SQLException {
        return links.findById(id).filter(link -> link.purpose() == LinkPurpose.INVITATION);
    }

    public synchronized void revoke(String id, String actor) throws EnrollmentException, SQLException, AuditException {
        Invitation invitation = invitation(id).orElseThrow(() -> EnrollmentException.notFound("no invitation with id " + id));
        InvitationState state = invitation.stateAt(now());
        if (state != InvitationState.PENDING || !links.transition(id, InvitationState.PENDING, InvitationState.REVOKED)) {
            throw EnrollmentException.conflict("invitation " + id + " is " + state.word() + "; only a pending invitation can be revoked");
        }
        audit.record(actor, AuditAction.INVITATION_REVOKED, id, "revoked", "address=" + invitation.address());
    }

    private void revokePending(String address, String actor, String why) throws SQLException, AuditException {
        for (Invitation earlier : links.pendingFor(address, LinkPurpose.INVITATION)) {
            if (links.transition(earlier.id(), InvitationState.PENDING, InvitationState.REVOKED)) {
                audit.record(actor, AuditAction.INVITATION_REVOKED, earlier.id(), why, "address=" + address);
            }
        }
    }

    /** Reset links stop working when a new one is issued or the account leaves the active state. */
    private void revokePendingResets(String address) throws SQLException {
        for (Invitation earlier : links.pendingFor(address, LinkPurpose.PASSWORD_RESET)) {
            links.transition(earlier.id(), InvitationState.PENDING, InvitationState.REVOKED);
        }
    }

    /**
     * Taken by an account, or by a James user without one (created before enrollment existed):
     * registering would otherwise set a new password on that user and hand over its mailbox.
     */
    private boolean addressTaken(String address) throws SQLException {
        if (accounts.addressTaken(address)) {
            return true;
        }
        try {
            return users.contains(Username.of(address));
        } catch (UsersRepositoryException e) {
            // The users repository lives in the same database: its failure is a storage failure.
            throw new SQLException("the users repository could not tell whether " + address + " exists: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- registration and reset links

    /** The link behind a token, if it can still be used for this purpose. */
    public Invitation open(String token, LinkPurpose purpose) throws LinkRefused, SQLException {
        if (!LinkTokens.looksLikeToken(token)) {
            throw new LinkRefused(LinkRefused.Reason.UNKNOWN);
        }
        Invitation link = links.findByTokenHash(LinkTokens.hash(token))
            .filter(found -> found.purpose() == purpose)
            .orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN));
        InvitationState state = link.stateAt(now());
        if (state != InvitationState.PENDING) {
            throw LinkRefused.forState(state);
        }
        return link;
    }

    /** As {@link #open}, for a submitted form: a known link that can no longer be used is an audited refusal. */
    private Invitation openForUse(String token, LinkPurpose purpose, String client) throws LinkRefused, SQLException, AuditException {
        try {
            return open(token, purpose);
        } catch (LinkRefused refused) {
            Optional<Invitation> known = refused.reason() == LinkRefused.Reason.UNKNOWN
                ? Optional.empty() : links.findByTokenHash(LinkTokens.hash(token));
            if (known.isPresent()) {
                audit.record("client:" + AuditTrail.fromClient(client), AuditAction.INVITATION_REFUSED, known.get().id(),
                    refused.reason().name().toLowerCase(java.util.Locale.ROOT),
                    "purpose=" + purpose.name().toLowerCase(java.util.Locale.ROOT) + " address=" + known.get().address());
            }
            throw refused;
        }
    }

    /** Whether the invitation is for an inbox that exists and is active: registering then adds the program with the current password. */
    public boolean addsToActiveInbox(Invitation invitation) throws SQLException {
        return accounts.find(invitation.address()).map(account -> account.state() == AccountState.ACTIVE).orElse(false);
    }

    /**
     * Registers from an invitation: checks the business identity (five wrong tries lock the
     * invitation), sets the password, activates the account and places the welcome message.
     * For an inbox that is already active, {@code password} must be its current password, which
     * stays: an invitation adds a program, it never replaces a password.
     *
     * @throws WrongBusinessIdentity when the EIN or entity name does not match (the invitation stays usable until locked)
     */
    public synchronized Account register(String token, String password, String typedEin, String typedEntityName, String client)
            throws LinkRefused, EnrollmentException, WrongBusinessIdentity, SQLException, AuditException, UsersRepositoryException {
        Invitation invitation = openForUse(token, LinkPurpose.INVITATION, client);
        if (invitation.business().isPresent() && !invitation.business().get().matches(typedEin, typedEntityName)) {
            int tries = links.countFailedTry(invitation.id());
            boolean locked = tries >= Invitation.MAX_FAILED_TRIES && links.transition(invitation.id(), InvitationState.PENDING, InvitationState.LOCKED);
            audit.record("client:" + AuditTrail.fromClient(client), AuditAction.INVITATION_REFUSED, invitation.id(),
                locked ? "locked" : "wrong-business-identity", "tries=" + tries);
            if (tries >= Invitation.MAX_FAILED_TRIES) {
                throw new LinkRefused(LinkRefused.Reason.LOCKED);
            }
            throw new WrongBusinessIdentity(Invitation.MAX_FAILED_TRIES - tries);
        }
        Account account = accounts.find(invitation.address()).orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN));
        if (account.state() == AccountState.SUSPENDED) {
            // Suspension revokes pending invitations; this guards links from before that rule.
            throw new LinkRefused(LinkRefused.Reason.REVOKED);
        }
        boolean addsProgram = account.state() == AccountState.ACTIVE;
        if (addsProgram) {
            // The inbox exists: the link adds a program and proves nothing about who holds the inbox's password.
            if (password == null || !ThrottledUsersRepository.accountPassword(users, Username.of(account.address()), password)) {
                throw EnrollmentException.invalid("This is not the current password of your secure inbox " + account.address()
                    + ". If you forgot it, ask the office that wrote to you for a password reset link.");
            }
        } else {
            Optional<String> problem = PasswordRules.problem(password, account.address(), account.email());
            if (problem.isPresent()) {
                throw EnrollmentException.invalid(problem.get());
            }
        }
        if (!links.transition(invitation.id(), InvitationState.PENDING, InvitationState.USED)) {
            throw new LinkRefused(LinkRefused.Reason.USED);
        }
        boolean wasOptedOut = account.state() == AccountState.OPTED_OUT;
        if (!addsProgram) {
            setPassword(account.address(), password);
        }
        if (wasOptedOut) {
            // Mail clients of the inbox's earlier life sign in no more: a new password, new app passwords.
            derived.revokeAll(account.address(), "reactivated");
        }
        Account registered = account.withContact(account.displayName(), account.email(), invitation.business())
            .withProgram(invitation.program().orElseThrow()).withState(AccountState.ACTIVE);
        accounts.update(registered);
        String actor = "user:" + registered.address();
        audit.record(actor, AuditAction.INVITATION_USED, invitation.id(), "used", "client=" + AuditTrail.fromClient(client));
        audit.record(actor, wasOptedOut ? AuditAction.ACCOUNT_REACTIVATED : AuditAction.ACCOUNT_REGISTERED, registered.address(),
            wasOptedOut ? "reactivated" : addsProgram ? "program-added" : "registered", "program=" + invitation.program().get());
        placeWelcome(registered, invitation.program().get());
        return registered;
    }

    private void placeWelcome(Account account, String programId) {
        Optional<Program> program = programs().find(programId);
        if (program.isEmpty()) {
            LOGGER.warn("no welcome message for {}: program {} is no longer in programs.yaml", account.address(), programId);
            return;
        }
        try {
            welcome.deliver(account, program.get());
        } catch (Exception e) {
            LOGGER.error("welcome message for {} could not be placed: {}", account.address(), e.toString());
        }
    }

    /** Issues a password reset link for an active account; earlier reset links of the account stop working. */
    public synchronized IssuedLink issuePasswordReset(String address, String actor) throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word()
                + "; a password reset link is issued only for an active account");
        }
        revokePendingResets(account.address());
        String token = LinkTokens.newToken();
        Invitation reset = new Invitation(LinkTokens.newId(), LinkPurpose.PASSWORD_RESET, account.address(), Optional.empty(), account.email(),
            account.displayName(), Optional.empty(), LinkTokens.hash(token), now(), now().plus(RESET_LIFETIME), InvitationState.PENDING, 0, actor);
        links.insert(reset);
        audit.record(actor, AuditAction.PASSWORD_RESET_ISSUED, account.address(), "issued", "link=" + reset.id() + " expires=" + reset.expires());
        return new IssuedLink(reset, web.reset(token));
    }

    /** Sets a new password from a reset link; every open session of the account ends and its app passwords are revoked. */
    public synchronized Account resetPassword(String token, String password, String client)
            throws LinkRefused, EnrollmentException, SQLException, AuditException, UsersRepositoryException {
        Invitation reset = openForUse(token, LinkPurpose.PASSWORD_RESET, client);
        Account account = accounts.find(reset.address()).orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN));
        if (account.state() != AccountState.ACTIVE) {
            // Suspension and opt-out revoke reset links; this guards links from before that rule.
            throw new LinkRefused(LinkRefused.Reason.REVOKED);
        }
        Optional<String> problem = PasswordRules.problem(password, account.address(), account.email());
        if (problem.isPresent()) {
            throw EnrollmentException.invalid(problem.get());
        }
        if (!links.transition(reset.id(), InvitationState.PENDING, InvitationState.USED)) {
            throw new LinkRefused(LinkRefused.Reason.USED);
        }
        setPassword(account.address(), password);
        audit.record("user:" + account.address(), AuditAction.PASSWORD_CHANGED, account.address(), "reset",
            "link=" + reset.id() + " client=" + AuditTrail.fromClient(client));
        try {
            derived.revokeAll(account.address(), "password-reset");
        } finally {
            // Whatever became of the app passwords, no session of the old password survives.
            sessions.endAll(account.address());
        }
        notifyPasswordChanged(account);
        return account;
    }

    // ---------------------------------------------------------------- the citizen's own actions

    /**
     * Records acceptance of the terms the citizen was shown ({@code shownTerms}, as
     * {@link TermsAcceptance#required} wrote them when the page was drawn): when a reload changed
     * them meanwhile, the acceptance is refused, so nobody is recorded as accepting a text they
     * did not see.
     */
    public synchronized Account acceptTerms(String address, String shownTerms, String client) throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word());
        }
        String terms = TermsAcceptance.required(account, programs());
        if (!terms.equals(shownTerms)) {
            throw EnrollmentException.conflict("The terms were updated while you were reading them. Please read the current version and accept it.");
        }
        Account accepted = account.withTerms(terms, now());
        accounts.update(accepted);
        audit.record("user:" + account.address(), AuditAction.TERMS_ACCEPTED, account.address(), "accepted",
            "terms=" + terms + " client=" + AuditTrail.fromClient(client));
        return accepted;
    }

    /**
     * Changes the password after checking the current one; every other session of the account ends and its app
     * passwords are revoked.
     *
     * @param keep the session that made the change, which stays open (null to end all)
     */
    public Account changePassword(String address, String current, String fresh, AccountSessions.Registration keep, String client)
            throws EnrollmentException, SQLException, AuditException, UsersRepositoryException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word()
                + "; only an active account can change its password");
        }
        if (!ThrottledUsersRepository.accountPassword(users, Username.of(account.address()), current)) {
            audit.record("user:" + account.address(), AuditAction.PASSWORD_CHANGED, account.address(), "wrong-current-password",
                "client=" + AuditTrail.fromClient(client));
            throw EnrollmentException.invalid("The current password is not correct.");
        }
        Optional<String> problem = PasswordRules.problem(fresh, account.address(), account.email());
        if (problem.isPresent()) {
            throw EnrollmentException.invalid(problem.get());
        }
        synchronized (this) {
            setPassword(account.address(), fresh);
            audit.record("user:" + account.address(), AuditAction.PASSWORD_CHANGED, account.address(), "changed",
                "client=" + AuditTrail.fromClient(client));
        }
        try {
            derived.revokeAll(account.address(), "password-changed");
        } finally {
            sessions.endAllExcept(account.address(), keep);
        }
        notifyPasswordChanged(account);
        return account;
    }

    private void notifyPasswordChanged(Account account) {
        try {
            notices.passwordChanged(account);
        } catch (RuntimeException e) {
            LOGGER.warn("password change notice for {} could not be queued: {}", account.address(), e.toString());
        }
    }

    // ---------------------------------------------------------------- notification address

    /**
     * Starts a change of the external address notifications go to: a single-use link is mailed to
     * the NEW address, and nothing changes until it is opened there ({@link #confirmEmailChange}),
     * so a typo or a stolen session cannot divert notifications to an address nobody proved to
     * hold. Earlier pending change links of the account stop working.
     */
    public synchronized void requestEmailChange(String address, String newEmail, String client)
            throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word()
                + "; only an active account can change its notification address");
        }
        String email = AccountStore.key(checkedEmail(newEmail));
        if (email.equalsIgnoreCase(account.email())) {
            throw EnrollmentException.invalid("This is already your notification address.");
        }
        if (email.endsWith("@" + domain) || accounts.findByEmail(email).isPresent()) {
            throw EnrollmentException.invalid("This address cannot receive your notifications; enter another address of your own.");
        }
        revokePending(account.address(), LinkPurpose.EMAIL_CHANGE);
        String token = LinkTokens.newToken();
        Invitation change = new Invitation(LinkTokens.newId(), LinkPurpose.EMAIL_CHANGE, account.address(), Optional.empty(), email,
            account.displayName(), Optional.empty(), LinkTokens.hash(token), now(), now().plus(EMAIL_CHANGE_LIFETIME),
            InvitationState.PENDING, 0, "user:" + account.address());
        links.insert(change);
        audit.record("user:" + account.address(), AuditAction.NOTIFICATION_ADDRESS_CHANGED, account.address(), "requested",
            "link=" + change.id() + " client=" + AuditTrail.fromClient(client));
        try {
            notices.emailChangeConfirmation(account, email, web.confirmEmail(token), change.expires());
        } catch (RuntimeException e) {
            LOGGER.warn("notification address confirmation for {} could not be queued: {}", account.address(), e.toString());
            throw EnrollmentException.conflict("The confirmation could not be sent. Please try again later.");
        }
    }

    /** Makes the address of a change link the account's notification address; the link works once. */
    public synchronized Account confirmEmailChange(String token, String client)
            throws LinkRefused, EnrollmentException, SQLException, AuditException {
        Invitation change = openForUse(token, LinkPurpose.EMAIL_CHANGE, client);
        Account account = accounts.find(change.address()).orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN));
        if (account.state() != AccountState.ACTIVE) {
            throw new LinkRefused(LinkRefused.Reason.REVOKED);
        }
        if (accounts.findByEmail(change.email()).filter(other -> !other.address().equals(account.address())).isPresent()) {
            throw EnrollmentException.conflict("This address is now used by another account; ask for the change again with another address.");
        }
        if (!links.transition(change.id(), InvitationState.PENDING, InvitationState.USED)) {
            throw new LinkRefused(LinkRefused.Reason.USED);
        }
        Account changed = account.withContact(account.displayName(), change.email(), Optional.empty());
        accounts.update(changed);
        audit.record("user:" + account.address(), AuditAction.NOTIFICATION_ADDRESS_CHANGED, account.address(), "confirmed",
            "link=" + change.id() + " client=" + AuditTrail.fromClient(client));
        return changed;
    }

    private void revokePending(String address, LinkPurpose purpose) throws SQLException {
        for (Invitation earlier : links.pendingFor(address, purpose)) {
            links.transition(earlier.id(), InvitationState.PENDING, InvitationState.REVOKED);
        }
    }

    // ---------------------------------------------------------------- states

    public synchronized Account suspend(String address, String actor) throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word() + "; only an active account can be suspended");
        }
        // A link issued before the suspension must not activate the account or set its password.
        revokePending(account.address(), actor, "suspended");
        revokePendingResets(account.address());
        return changeState(account, AccountState.SUSPENDED, actor, AuditAction.ACCOUNT_SUSPENDED, "suspended");
    }

    public synchronized Account reactivate(String address, String actor) throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.SUSPENDED) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word()
                + "; only a suspended account can be reactivated (an opted-out citizen is invited again)");
        }
        return changeState(account, AccountState.ACTIVE, actor, AuditAction.ACCOUNT_REACTIVATED, "reactivated");
    }

    /** Opt-out by the citizen ({@code user:<address>}) or an administrator: back to paper, mail kept as records. */
    public synchronized Account optOut(String address, String actor) throws EnrollmentException, SQLException, AuditException {
        Account account = account(address);
        if (account.state() != AccountState.ACTIVE && account.state() != AccountState.SUSPENDED) {
            throw EnrollmentException.conflict("account " + account.address() + " is " + account.state().word()
                + "; only an active or suspended account can opt out");
        }
        revokePending(account.address(), actor, "opted-out");
        revokePendingResets(account.address());
        Account optedOut = changeState(account, AccountState.OPTED_OUT, actor, AuditAction.ACCOUNT_OPTED_OUT, "opted-out");
        try {
            notices.optedOut(optedOut);
        } catch (RuntimeException e) {
            LOGGER.warn("opt-out confirmation for {} could not be queued: {}", account.address(), e.toString());
        }
        return optedOut;
    }

    private Account changeState(Account account, AccountState state, String actor, AuditAction action, String outcome)
            throws SQLException, AuditException {
        Account changed = account.withState(state);
        accounts.update(changed);
        audit.record(actor, action, account.address(), outcome, "from=" + account.state().word());
        if (state != AccountState.ACTIVE) {
            sessions.endAll(account.address());
        }
        return changed;
    }

    // ---------------------------------------------------------------- questions other parts ask

    /** What a login with verified credentials may do. */
    public LoginAccess access(String address) throws SQLException {
        Optional<Account> account = accounts.find(address);
        if (account.isEmpty()) {
            return LoginAccess.NO_ACCOUNT;
        }
        return switch (account.get().state()) {
            case INVITED -> LoginAccess.NO_ACCOUNT;
            case SUSPENDED -> LoginAccess.SUSPENDED;
            case OPTED_OUT -> LoginAccess.OPTED_OUT;
            case ACTIVE -> TermsAcceptance.isCurrent(account.get(), programs()) ? LoginAccess.ALLOWED : LoginAccess.TERMS_REQUIRED;
        };
    }

    /** Whether mail to this local address may be delivered now. */
    public RecipientStatus recipient(String address) throws SQLException {
        return accounts.find(address).map(account -> RecipientStatus.of(account.state())).orElse(RecipientStatus.NO_ACCOUNT);
    }

    public Optional<Account> find(String address) throws SQLException {
        return accounts.find(address);
    }

    /** The account whose registered external (notification) address this is; external addresses are unique. */
    public Optional<Account> findByExternalAddress(String email) throws SQLException {
        return accounts.findByEmail(email);
    }

    public List<Account> accounts(Optional<AccountState> state) throws SQLException {
        return accounts.list(state);
    }

    public Account account(String address) throws EnrollmentException, SQLException {
        return accounts.find(address).orElseThrow(() -> EnrollmentException.notFound("no account " + address));
    }

    public Programs programs() {
        return policies.current().programs();
    }

    public WebLinks links() {
        return web;
    }

    /**
     * Makes sure an active account with the current terms accepted exists for a user James already
     * has (the demo citizen); creates nothing in James.
     */
    public synchronized Account ensureActive(String address, String displayName, String email, String programId) throws SQLException, EnrollmentException {
        Program program = program(programId);
        Optional<Account> existing = accounts.find(address);
        Account account = existing.orElseGet(() -> new Account(address, displayName, email, List.of(program.id()), AccountState.ACTIVE,
            Optional.empty(), Optional.empty(), Optional.empty(), now()));
        account = account.withProgram(program.id()).withState(AccountState.ACTIVE);
        account = account.withTerms(TermsAcceptance.required(account, programs()), now());
        if (existing.isPresent()) {
            accounts.update(account);
        } else {
            accounts.insert(account);
        }
        return account;
    }

    // ---------------------------------------------------------------- helpers

    private void setPassword(String address, String password) throws UsersRepositoryException {
        Username username = Username.of(address);
        User user = users.getUserByName(username);
        if (user == null) {
            users.addUser(username, password);
        } else {
            user.setPassword(password);
            users.updateUser(user);
        }
    }

    private Program program(String id) throws EnrollmentException {
        if (id == null || id.isBlank()) {
            throw EnrollmentException.invalid("'program' is required; known programs: " + programIds());
        }
        return programs().find(id).orElseThrow(() -> EnrollmentException.invalid("unknown program '" + shorten(id) + "'; known programs: " + programIds()));
    }

    private String programIds() {
        return String.join(", ", programs().all().stream().map(Program::id).toList());
    }

    private static String checkedEmail(String email) throws EnrollmentException {
        if (email == null || email.isBlank()) {
            throw EnrollmentException.invalid("'email' is required");
        }
        if (email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            throw EnrollmentException.invalid("'email' is not an email address: " + shorten(email));
        }
        return email.strip();
    }

    private static String checkedName(String field, String value) throws EnrollmentException {
        if (value == null || value.isBlank()) {
            throw EnrollmentException.invalid("'" + field + "' is required");
        }
        if (value.length() > NAME_LENGTH || value.codePoints().anyMatch(AuditTrail::forbidden)) {
            throw EnrollmentException.invalid("'" + field + "' must be one line of at most " + NAME_LENGTH + " characters");
        }
        return value.strip();
    }

    private static Optional<BusinessIdentity> business(InvitationRequest request) throws EnrollmentException {
        if (request.ein().isEmpty() && request.entityName().isEmpty()) {
            return Optional.empty();
        }
        if (request.ein().isEmpty() || request.entityName().isEmpty()) {
            throw EnrollmentException.invalid("a business invitation needs both 'ein' and 'entityName'");
        }
        String problem = BusinessIdentity.einProblem(request.ein().get());
        if (problem != null) {
            throw EnrollmentException.invalid("'ein' " + problem);
        }
        return Optional.of(new BusinessIdentity(request.ein().get(), checkedName("entityName", request.entityName().get())));
    }

    private static String shorten(String value) {
        String safe = AuditTrail.fromClient(value);
        return safe.length() <= 64 ? safe : safe.substring(0, 64) + "...";
    }

    private Instant now() {
        return clock.instant();
    }

    /** The topic addresses the account may write to, with their labels (the account page lists them). */
    public List<TopicAddresses.TopicAddress> topicAddresses(Account account) {
        return TopicAddresses.of(policies.current(), account.programs(), domain);
    }
}
