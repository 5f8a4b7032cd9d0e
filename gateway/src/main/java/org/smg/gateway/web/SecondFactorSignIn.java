package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.LoginAccess;
import org.smg.gateway.secondfactor.SecondFactors;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /signin/second-factor}: the step between a right password and a signed-in session for an
 * account with a second factor. The password step leaves the account waiting on the browser's
 * pre-session (never signed in); a code or a recovery code accepted by {@link SecondFactors} signs
 * in under a new session id, as a password alone does for other accounts. A waiting sign-in lasts
 * {@link #WAITING_LIFETIME}; wrong codes are throttled per account by {@link SecondFactors}.
 */
final class SecondFactorSignIn {
    private static final Logger LOGGER = LoggerFactory.getLogger(SecondFactorSignIn.class);
    static final Duration WAITING_LIFETIME = Duration.ofMinutes(5);
    /** Entries need a right password; the cap only bounds memory against a flood by one who has one. */
    static final int MAX_WAITING = 10_000;
    static final String PATH = "/signin/second-factor";
    private static final int MAX_CODE = 64;

    private record Waiting(String account, Instant since) {
    }

    private final Enrollment enrollment;
    private final SecondFactors secondFactors;
    private final AuditTrail audit;
    private final Pages pages;
    private final Visit visit;
    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    SecondFactorSignIn(Enrollment enrollment, SecondFactors secondFactors, AuditTrail audit, Pages pages, Visit visit, Clock clock) {
        this.enrollment = enrollment;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.pages = pages;
        this.visit = visit;
        this.clock = clock;
    }

    boolean required(String account) throws Exception {
        return secondFactors.enrolled(account);
    }

    /** The password was right: the session waits for the code; false when too many sign-ins wait already. */
    boolean awaitCode(WebSession session, String account) {
        Instant now = clock.instant();
        if (waiting.size() >= MAX_WAITING) {
            waiting.values().removeIf(entry -> expired(entry, now));
            if (waiting.size() >= MAX_WAITING) {
                return false;
            }
        }
        waiting.put(session.id(), new Waiting(account, now));
        return true;
    }

    void show(HttpServerExchange exchange) {
        Optional<WebSession> session = visit.current(exchange);
        if (session.isEmpty() || waitingFor(session.get()).isEmpty()) {
            Pages.redirect(exchange, "/signin");
            return;
        }
        form(exchange, 200, session.get(), null);
    }

    void submit(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        Optional<Waiting> entry = waitingFor(session);
        if (entry.isEmpty()) {
            pages.message(exchange, 400, "Sign in again", "Your sign-in took too long. Enter your address and password again.",
                "/signin", "Sign in");
            return;
        }
        String account = entry.get().account();
        String client = Visit.client(exchange);
        String code = form.field("code");
        SecondFactors.Check check = code.length() > MAX_CODE ? SecondFactors.Check.WRONG
            : secondFactors.check(account, code, "sign-in", client);
        if (!check.accepted()) {
            form(exchange, check == SecondFactors.Check.THROTTLED ? 429 : 400, session, check.explanation());
            return;
        }
        waiting.remove(session.id());
        LoginAccess access = enrollment.access(account);
        if (access != LoginAccess.ALLOWED && access != LoginAccess.TERMS_REQUIRED) {
            audit.loginRefused(LoginProtocol.WEB, account, client, access.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            pages.message(exchange, 403, "No access", access.explanation(enrollment.links()), null, null);
            return;
        }
        audit.loginSucceeded(LoginProtocol.WEB, account, client);
        visit.signIn(exchange, account);
        LOGGER.info("web sign-in of {} from {} with a second factor ({})", account, client, check);
        Pages.redirect(exchange, access == LoginAccess.ALLOWED ? "/account" : "/terms");
    }

    private Optional<Waiting> waitingFor(WebSession session) {
        Waiting entry = waiting.get(session.id());
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry, clock.instant())) {
            waiting.remove(session.id(), entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static boolean expired(Waiting entry, Instant now) {
        return !entry.since().plus(WAITING_LIFETIME).isAfter(now);
    }

    private void form(HttpServerExchange exchange, int status, WebSession session, String error) {
        pages.send(exchange, status, "signin-second-factor", params("csrf", session.csrfToken(), "error", error));
    }
}
