package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.LoginAccess;
import org.smg.mailets.audit.AuditAction;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /signin} and {@code /signout}. The password is checked the way IMAP and SMTP check it
 * ({@link PasswordCheck}), and every outcome is in the audit trail with protocol {@code web}. Only then does the
 * account's state decide: terms to accept go to the terms page; suspended, opted out or no
 * account are refused with the reason. An account with a second factor then goes to
 * {@link SecondFactorSignIn} before it is signed in.
 */
final class SignInPages {
    private static final Logger LOGGER = LoggerFactory.getLogger(SignInPages.class);
    static final String WRONG = "The address or password is not correct. After several wrong attempts each new try is answered more slowly.";
    static final String BUSY = "Too many people are signing in right now. Try again in a minute.";
    static final String THROTTLED = "Too many sign-in attempts from your network are under way. Wait a minute, then try again.";
    private static final int MAX_ADDRESS = PasswordCheck.MAX_ADDRESS;

    private final Enrollment enrollment;
    private final PasswordCheck passwords;
    private final AuditTrail audit;
    private final Pages pages;
    private final Visit visit;
    private final SecondFactorSignIn secondFactor;

    SignInPages(Enrollment enrollment, PasswordCheck passwords, AuditTrail audit, Pages pages, Visit visit,
                SecondFactorSignIn secondFactor) {
        this.secondFactor = secondFactor;
        this.enrollment = enrollment;
        this.passwords = passwords;
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
        PasswordCheck.Result check = passwords.check(exchange, address, form.field("password"));
        if (check == PasswordCheck.Result.BUSY) {
            form(exchange, 503, session, address.length() <= MAX_ADDRESS ? address : "", BUSY);
            return;
        }
        if (check != PasswordCheck.Result.VALID) {
            audit.loginFailed(LoginProtocol.WEB, address, client);
            form(exchange, check == PasswordCheck.Result.THROTTLED ? 429 : 200, session, address.length() <= MAX_ADDRESS ? address : "",
                check == PasswordCheck.Result.THROTTLED ? THROTTLED : WRONG);
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

    private void form(HttpServerExchange exchange, int status, WebSession session, String address, String error) {
        pages.send(exchange, status, "signin", params("csrf", session.csrfToken(), "address", address, "error", error));
    }
}
