package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.util.Optional;

import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;
import org.smg.gateway.enrollment.PasswordRules;
import org.smg.gateway.enrollment.WrongBusinessIdentity;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /register/{token}}: the invitation's form (password twice, and for a business the EIN
 * and entity name), then sign-in and the terms. A link that cannot be used says why, with 404
 * (unknown) or 410 (used, expired, revoked, locked).
 */
final class RegistrationPages {
    private final Enrollment enrollment;
    private final OneTimeLinks links;
    private final Pages pages;
    private final Visit visit;

    RegistrationPages(Enrollment enrollment, OneTimeLinks links, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.links = links;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        Optional<Invitation> invitation = links.open(exchange, token, LinkPurpose.INVITATION);
        if (invitation.isEmpty()) {
            return;
        }
        form(exchange, 200, token, visit.forForm(exchange), invitation.get(), null);
    }

    void submit(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        Optional<Invitation> opened = links.open(exchange, token, LinkPurpose.INVITATION);
        if (opened.isEmpty()) {
            return;
        }
        Invitation invitation = opened.get();
        String password = form.field("password");
        if (!enrollment.addsToActiveInbox(invitation) && !password.equals(form.field("confirm"))) {
            form(exchange, 400, token, session, invitation, "The two passwords are not the same.");
            return;
        }
        Optional<Account> account;
        try {
            account = links.spend(exchange, () -> enrollment.register(token, password, form.field("ein"), form.field("entityName"),
                Visit.client(exchange)));
        } catch (WrongBusinessIdentity e) {
            form(exchange, 400, token, session, invitation, "The EIN or business name does not match the invitation. "
                + e.triesLeft() + (e.triesLeft() == 1 ? " try is" : " tries are") + " left before this link is locked.");
            return;
        } catch (EnrollmentException e) {
            form(exchange, 400, token, session, invitation, e.getMessage());
            return;
        }
        if (account.isEmpty()) {
            return;
        }
        visit.signIn(exchange, account.get().address());
        Pages.redirect(exchange, "/terms");
    }

    private void form(HttpServerExchange exchange, int status, String token, WebSession session, Invitation invitation, String error)
            throws java.sql.SQLException {
        String existingInbox = enrollment.addsToActiveInbox(invitation) ? invitation.address() : null;
        pages.send(exchange, status, "register", params("token", token, "csrf", session.csrfToken(), "name", invitation.name(),
            "business", invitation.business().isPresent(), "rules", PasswordRules.STATEMENT, "error", error,
            "existingInbox", existingInbox));
    }
}
