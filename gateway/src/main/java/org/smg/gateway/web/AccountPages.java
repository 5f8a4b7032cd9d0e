package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.util.Optional;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.PasswordRules;
import org.smg.gateway.secondfactor.SecondFactors;
import org.smg.policies.settings.GatewaySettings;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /account}: the mail-client settings, the password change (current password required;
 * every other session of the account ends) and the opt-out (with a confirmation step).
 */
final class AccountPages {
    static final String OPTED_OUT = "Your secure inbox is closed and you are signed out. The office writes to you on paper from now on;"
        + " mail sent to your secure address is returned to the sender, and the messages already in it are kept as records."
        + " A confirmation was sent to your external email address. To use secure messaging again, ask the office for a new invitation.";

    private final Enrollment enrollment;
    private final GatewaySettings settings;
    private final Pages pages;
    private final Visit visit;
    private final SignedIn signedIn;
    private final SecondFactors secondFactors;

    AccountPages(Enrollment enrollment, GatewaySettings settings, Pages pages, Visit visit, SignedIn signedIn, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.enrollment = enrollment;
        this.settings = settings;
        this.pages = pages;
        this.visit = visit;
        this.signedIn = signedIn;
    }

    /** {@code /}: the account when signed in, else the sign-in page. */
    void home(HttpServerExchange exchange) {
        Pages.redirect(exchange, visit.signedIn(exchange).isPresent() ? "/account" : "/signin");
    }

    void show(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isPresent()) {
            page(exchange, 200, citizen.get(), null, null, null);
        }
    }

    void changePassword(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        String fresh = form.field("password");
        if (!fresh.equals(form.field("confirm"))) {
            page(exchange, 400, citizen.get(), "The two new passwords are not the same.", "password", null);
            return;
        }
        try {
            enrollment.changePassword(citizen.get().address(), form.field("current"), fresh, citizen.get().session().registration(),
                Visit.client(exchange));
        } catch (EnrollmentException e) {
            page(exchange, 400, citizen.get(), e.getMessage(), "password", null);
            return;
        }
        page(exchange, 200, citizen.get(), null, null, "Your password was changed. Every other session was signed out and your app passwords were revoked; mail clients"
            + " ask for the new password (or a new app password).");
    }

    /** Mails a confirmation link to the new notification address; the address changes only when it is opened. */
    void changeEmail(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        try {
            enrollment.requestEmailChange(citizen.get().address(), form.field("email"), Visit.client(exchange));
        } catch (EnrollmentException e) {
            page(exchange, 400, citizen.get(), e.getMessage(), "email", null);
            return;
        }
        page(exchange, 200, citizen.get(), null, null, "A confirmation link was sent to the new address. Your notifications keep going to the"
            + " current address until you open that link (it works for one day).");
    }

    void confirmOptOut(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, true);
        if (citizen.isPresent()) {
            pages.send(exchange, 200, "optout", params("csrf", citizen.get().session().csrfToken(), "address", citizen.get().address()));
        }
    }

    void optOut(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, true);
        if (citizen.isEmpty()) {
            return;
        }
        if (!"yes".equals(form.field("confirm"))) {
            throw new FormBody.Refused(400, "The opt-out was not confirmed.");
        }
        String address = citizen.get().address();
        enrollment.optOut(address, "user:" + address);
        visit.signOut(exchange, Optional.of(citizen.get().session()));
        pages.message(exchange, 200, "You opted out", OPTED_OUT, null, null);
    }

    /** The account page; {@code errorFor} names the form the error belongs to ({@code password}, {@code email}), so it sits by its fields. */
    private void page(HttpServerExchange exchange, int status, SignedIn.Citizen citizen, String error, String errorFor, String notice) throws Exception {
        pages.send(exchange, status, "account", params("csrf", citizen.session().csrfToken(), "address", citizen.address(),
            "name", citizen.account().displayName(), "host", settings.hostname(), "imaps", settings.imapsPort(), "imap", settings.imapPort(),
            "smtps", settings.smtpsPort(), "submission", settings.submissionPort(), "rules", PasswordRules.STATEMENT,
            "error", error, "errorFor", errorFor, "notice", notice, "email", citizen.account().email(),
            "topics", enrollment.topicAddresses(citizen.account()), "secondFactor", secondFactors.enrolled(citizen.address())));
    }
}
