package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.util.Optional;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;
import org.smg.gateway.enrollment.PasswordRules;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /reset/{token}}: an administrator's password reset link, used once. Setting the new
 * password ends every session of the account, this browser's included; the citizen signs in again.
 */
final class ResetPages {
    private final Enrollment enrollment;
    private final OneTimeLinks links;
    private final Pages pages;
    private final Visit visit;

    ResetPages(Enrollment enrollment, OneTimeLinks links, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.links = links;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        Optional<Invitation> reset = links.open(exchange, token, LinkPurpose.PASSWORD_RESET);
        if (reset.isEmpty()) {
            return;
        }
        form(exchange, 200, token, visit.forForm(exchange), reset.get(), null);
    }

    void submit(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        Optional<Invitation> reset = links.open(exchange, token, LinkPurpose.PASSWORD_RESET);
        if (reset.isEmpty()) {
            return;
        }
        String password = form.field("password");
        if (!password.equals(form.field("confirm"))) {
            form(exchange, 400, token, session, reset.get(), "The two passwords are not the same.");
            return;
        }
        try {
            if (links.spend(exchange, () -> enrollment.resetPassword(token, password, Visit.client(exchange))).isEmpty()) {
                return;
            }
        } catch (EnrollmentException e) {
            form(exchange, 400, token, session, reset.get(), e.getMessage());
            return;
        }
        visit.signOut(exchange, visit.current(exchange));
        pages.message(exchange, 200, "Your password was changed",
            "Your new password is set, and every open session was signed out. Sign in with the new password; mail clients ask for it too.",
            "/signin", "Sign in");
    }

    private void form(HttpServerExchange exchange, int status, String token, WebSession session, Invitation reset, String error) {
        pages.send(exchange, status, "reset", params("token", token, "csrf", session.csrfToken(), "address", reset.address(),
            "rules", PasswordRules.STATEMENT, "error", error));
    }
}
