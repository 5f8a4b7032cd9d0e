package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;
import org.smg.gateway.enrollment.LinkRefused;
import org.smg.gateway.enrollment.PasswordRules;
import org.smg.gateway.enrollment.WrongBusinessIdentity;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * {@code /register/{token}}: the invitation's form (password twice, and for a business the EIN
 * and entity name), then sign-in and the terms. A link that cannot be used says why, with 404
 * (unknown) or 410 (used, expired, revoked, locked).
 */
final class RegistrationPages {
    private final Enrollment enrollment;
    private final Pages pages;
    private final Visit visit;

    RegistrationPages(Enrollment enrollment, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        String token = pathToken(exchange);
        Invitation invitation;
        try {
            invitation = enrollment.open(token, LinkPurpose.INVITATION);
        } catch (LinkRefused e) {
            refused(pages, exchange, e);
            return;
        }
        form(exchange, 200, token, visit.forForm(exchange), invitation, null);
    }

    void submit(HttpServerExchange exchange) throws Exception {
        String token = pathToken(exchange);
        FormBody form = FormBody.read(exchange);
        WebSession session = visit.checkedForm(exchange, form);
        Invitation invitation;
        try {
            invitation = enrollment.open(token, LinkPurpose.INVITATION);
        } catch (LinkRefused e) {
            refused(pages, exchange, e);
            return;
        }
        String password = form.field("password");
        if (!enrollment.addsToActiveInbox(invitation) && !password.equals(form.field("confirm"))) {
            form(exchange, 400, token, session, invitation, "The two passwords are not the same.");
            return;
        }
        Account account;
        try {
            account = enrollment.register(token, password, form.field("ein"), form.field("entityName"), Visit.client(exchange));
        } catch (WrongBusinessIdentity e) {
            form(exchange, 400, token, session, invitation, "The EIN or business name does not match the invitation. "
                + e.triesLeft() + (e.triesLeft() == 1 ? " try is" : " tries are") + " left before this link is locked.");
            return;
        } catch (LinkRefused e) {
            refused(pages, exchange, e);
            return;
        } catch (EnrollmentException e) {
            form(exchange, 400, token, session, invitation, e.getMessage());
            return;
        }
        visit.signIn(exchange, account.address());
        Pages.redirect(exchange, "/terms");
    }

    private void form(HttpServerExchange exchange, int status, String token, WebSession session, Invitation invitation, String error)
            throws java.sql.SQLException {
        String existingInbox = enrollment.addsToActiveInbox(invitation) ? invitation.address() : null;
        pages.send(exchange, status, "register", params("token", token, "csrf", session.csrfToken(), "name", invitation.name(),
            "business", invitation.business().isPresent(), "rules", PasswordRules.STATEMENT, "error", error,
            "existingInbox", existingInbox));
    }

    /** The page for a link that cannot be used: 404 when unknown, 410 when it existed. */
    static void refused(Pages pages, HttpServerExchange exchange, LinkRefused refused) {
        int status = refused.reason() == LinkRefused.Reason.UNKNOWN ? 404 : 410;
        pages.message(exchange, status, "This link cannot be used", refused.reason().explanation(), "/signin", "Sign in");
    }

    static String pathToken(HttpServerExchange exchange) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        return match == null ? "" : match.getParameters().getOrDefault("token", "");
    }
}
