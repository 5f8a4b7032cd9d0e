package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.util.Optional;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /email/{token}}: the confirmation of a new notification address, opened from the link
 * mailed to that address. Opening the page changes nothing (mail scanners open links); the
 * button on it does, once.
 */
final class EmailChangePages {
    private final Enrollment enrollment;
    private final OneTimeLinks links;
    private final Pages pages;
    private final Visit visit;

    EmailChangePages(Enrollment enrollment, OneTimeLinks links, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.links = links;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        Optional<Invitation> change = links.open(exchange, token, LinkPurpose.EMAIL_CHANGE);
        if (change.isEmpty()) {
            return;
        }
        pages.send(exchange, 200, "email", params("token", token, "csrf", visit.forForm(exchange).csrfToken(), "email", change.get().email()));
    }

    void submit(HttpServerExchange exchange) throws Exception {
        String token = OneTimeLinks.pathToken(exchange);
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        try {
            if (links.spend(exchange, () -> enrollment.confirmEmailChange(token, Visit.client(exchange))).isEmpty()) {
                return;
            }
        } catch (EnrollmentException e) {
            pages.message(exchange, 409, "The address was not changed", e.getMessage(), "/signin", "Sign in");
            return;
        }
        pages.message(exchange, 200, "Notification address changed",
            "From now on, notifications of new secure messages go to this address.", "/signin", "Sign in");
    }
}
