package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.ThrottledUsersRepository;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.LoginAccess;
import org.smg.mailets.audit.AuditAction;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /signin} and {@code /signout}. The password is checked the way IMAP and SMTP check it:
 * admitted by the per-address {@link LoginGate}, then James's users repository (throttled per
 * account), and every outcome is in the audit trail with protocol {@code web}. Only then does the
 * account's state decide: terms to accept go to the terms page; suspended, opted out or no
 * account are refused with the reason. An account with a second factor then goes to
 * {@link SecondFactorSignIn} before it is signed in.
 */
final class SignInPages {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignInPages.class);
    /** How long a sign-in may wait for its turn at the gate before it is answered as a failure. */
    static final Duration ADMISSION_WAIT = Duration.ofSeconds(20);
    static final String WRONG = "The address or password is not correct. After several wrong attempts each new try is answered more slowly.";
    static final String BUSY = "Too many people are signing in right now. Try again in a minute.";
    static final String THROTTLED = "Too many sign-in attempts from your network are under way. Wait a minute, then try again.";
    /** Whether a sign-in's password was checked and found right, wrong, or not checked at all (the address's gate refused it). */
    private enum Check { VALID, WRONG, THROTTLED }
    /**
     * Password checks block a worker thread (the gate's delay, then the one-at-a-time hashing every
     * protocol shares); at most this many sign-ins wait at once, so the other pages keep their workers.
     */
    static final int CONCURRENT_SIGN_INS = CitizenWebServer.WORKER_THREADS / 2;
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_PASSWORD = 1024;

    private final Enrollment enrollment;
    private final UsersRepository users;
    private final LoginGate gate;
    private final AuditTrail audit;
    private final Pages pages;
    private final Visit visit;
    private final SecondFactorSignIn secondFactor;
    private final Semaphore signIns = new Semaphore(CONCURRENT_SIGN_INS);

    SignInPages(Enrollment enrollment, UsersRepository users, LoginGate gate, AuditTrail audit, Pages pages, Visit visit,
                SecondFactorSignIn secondFactor) {
        this.secondFactor = secondFactor;
        this.enrollment = enrollment;
        this.users = users;
        this.gate = gate;
        this.audit = audit;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        if (visit.signedIn(exchange).isPresent()) {
            Pages.redirect(exchange, "/");
            return;
        }
        form(exchange, 200, visit.forForm(exchange), "", null);
    }

    void submit(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        String address = form.field("address").strip().toLowerCase(Locale.ROOT);
        String client = Visit.client(exchange);
        if (!signIns.tryAcquire()) {
            form(exchange, 503, session, address.length() <= MAX_ADDRESS ? address : "", BUSY);
            return;
        }
        Check check;
        try {
            check = passwordValid(exchange, address, form.field("password"));
        } finally {
            signIns.release();
        }
        if (check != Check.VALID) {
            audit.loginFailed(LoginProtocol.WEB, address, client);
            form(exchange, check == Check.THROTTLED ? 429 : 200, session, address.length() <= MAX_ADDRESS ? address : "",
                check == Check.THROTTLED ? THROTTLED : WRONG);
            return;
        }
        LoginAccess access = enrollment.access(address);
        if (access != LoginAccess.ALLOWED && access != LoginAccess.TERMS_REQUIRED) {
            audit.record("user:" + AuditTrail.fromClient(address), AuditAction.LOGIN_FAILED, AuditTrail.fromClient(address),
                "refused-" + access.name().toLowerCase(Locale.ROOT), "protocol=web client=" + AuditTrail.fromClient(client));
            pages.message(exchange, 403, "No access", access.explanation(enrollment.links()), null, null);
            return;
        }
        if (secondFactor.required(address)) {
            // Not signed in yet: the code is asked on this same pre-session, and sign-in gives a new id after it.
            if (!secondFactor.awaitCode(session, address)) {
                form(exchange, 503, session, address, BUSY);
                return;
            }
            Pages.redirect(exchange, SecondFactorSignIn.PATH);
            return;
        }
        audit.loginSucceeded(LoginProtocol.WEB, address, client);
        visit.signIn(exchange, address);
        LOGGER.info("web sign-in of {} from {}", address, client);
        Pages.redirect(exchange, access == LoginAccess.ALLOWED ? "/account" : "/terms");
    }

    /** {@code GET /signout}: asks to confirm, since a link must not change anything (a GET is no proof the citizen asked). */
    void confirmSignOut(HttpServerExchange exchange) {
        Optional<WebSession> session = visit.signedIn(exchange);
        if (session.isEmpty()) {
            Pages.redirect(exchange, "/signin");
            return;
        }
        pages.send(exchange, 200, "signout", params("csrf", session.get().csrfToken()));
    }

    /** {@code POST /signout} with the session's CSRF token: the session ends on the server, the cookie is cleared. */
    void signOut(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        visit.signOut(exchange, Optional.of(session));
        session.account().ifPresent(account -> LOGGER.info("web sign-out of {}", account));
        Pages.redirect(exchange, "/signin");
    }

    private Check passwordValid(HttpServerExchange exchange, String address, String password) throws Exception {
        if (address.isEmpty() || address.length() > MAX_ADDRESS || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Check.WRONG;
        }
        Username username;
        try {
            username = Username.of(address);
        } catch (IllegalArgumentException e) {
            return Check.WRONG;
        }
        InetAddress client = exchange.getSourceAddress().getAddress();
        try (LoginGate.Admission admission = gate.admitWithin(client, ADMISSION_WAIT)) {
            if (!admission.admitted()) {
                return Check.THROTTLED;
            }
            if (!ThrottledUsersRepository.accountPassword(users, username, password)) {
                return Check.WRONG;
            }
            admission.succeeded();
            return Check.VALID;
        }
    }

    private void form(HttpServerExchange exchange, int status, WebSession session, String address, String error) {
        pages.send(exchange, status, "signin", params("csrf", session.csrfToken(), "address", address, "error", error));
    }
}
