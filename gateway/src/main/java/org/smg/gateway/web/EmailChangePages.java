package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;
import org.smg.gateway.enrollment.LinkRefused;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /email/{token}}: the confirmation of a new notification address, opened from the link
 * mailed to that address. Opening the page changes nothing (mail scanners open links); the
 * button on it does, once.
 */
final class EmailChangePages {
    private final Enrollment enrollment;
    private final Pages pages;
    private final Visit visit;

    EmailChangePages(Enrollment enrollment, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.pages = pages;
        this.visit = visit;
    }

    void show(HttpServerExchange exchange) throws Exception {
        String token = RegistrationPages.pathToken(exchange);
        Invitation change;
        try {
            change = enrollment.open(token, LinkPurpose.EMAIL_CHANGE);
        } catch (LinkRefused e) {
            RegistrationPages.refused(pages, exchange, e);
            return;
        }
        pages.send(exchange, 200, "email", params("token", token, "csrf", visit.forForm(exchange).csrfToken(), "email", change.email()));
    }

    void submit(HttpServerExchange exchange) throws Exception {
        String token = RegistrationPages.pathToken(exchange);
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        try {
            enrollment.confirmEmailChange(token, Visit.client(exchange));
        } catch (LinkRefused e) {
            RegistrationPages.refused(pages, exchange, e);
            return;
        } catch (EnrollmentException e) {
            pages.message(exchange, 409, "The address was not changed", e.getMessage(), "/signin", "Sign in");
            return;
        }
        pages.message(exchange, 200, "Notification address changed",
            "From now on, notifications of new secure messages go to this address.", "/signin", "Sign in");
    }
}
