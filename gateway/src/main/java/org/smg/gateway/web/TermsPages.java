package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.LoginAccess;
import org.smg.gateway.enrollment.TermsAcceptance;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /terms}: the Terms of Service and Rules of Conduct of the citizen's programs. Accepting
 * records the version in the account and the audit trail; declining signs out and leaves no
 * access anywhere until they are accepted.
 */
final class TermsPages {
    static final String DECLINED = "You declined the Terms of Service and Rules of Conduct and you are signed out."
        + " Until you accept them you have no access to your secure inbox, here or in a mail client."
        + " To accept them later, sign in again. If you prefer paper correspondence, sign in and choose to opt out"
        + " on the terms page, or tell the office that invited you.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Enrollment enrollment;
    private final Pages pages;
    private final Visit visit;
    private final SignedIn signedIn;

    TermsPages(Enrollment enrollment, Pages pages, Visit visit, SignedIn signedIn) {
        this.enrollment = enrollment;
        this.pages = pages;
        this.visit = visit;
        this.signedIn = signedIn;
    }

    void show(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, true);
        if (citizen.isEmpty()) {
            return;
        }
        String acceptedOn = citizen.get().access() == LoginAccess.ALLOWED
            ? citizen.get().account().termsAcceptedAt().map(DAY::format).orElse("an earlier visit")
            : null;
        pages.send(exchange, 200, "terms", params("csrf", citizen.get().session().csrfToken(),
            "programs", TermsAcceptance.toAccept(citizen.get().account(), enrollment.programs()), "acceptedOn", acceptedOn,
            "shownTerms", TermsAcceptance.required(citizen.get().account(), enrollment.programs())));
    }

    void submit(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, true);
        if (citizen.isEmpty()) {
            return;
        }
        switch (form.field("decision")) {
            case "accept" -> {
                try {
                    enrollment.acceptTerms(citizen.get().address(), form.field("terms"), Visit.client(exchange));
                } catch (EnrollmentException e) {
                    pages.message(exchange, 409, "The terms have changed", e.getMessage(), "/terms", "Read the current terms");
                    return;
                }
                Pages.redirect(exchange, "/account");
            }
            case "decline" -> {
                visit.signOut(exchange, Optional.of(citizen.get().session()));
                pages.message(exchange, 200, "You declined the terms", DECLINED, "/signin", "Sign in");
            }
            default -> throw new FormBody.Refused(400, "Choose to accept or to decline the terms.");
        }
    }
}
