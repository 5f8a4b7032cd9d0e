package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.smg.gateway.secondfactor.AppPasswords;
import org.smg.gateway.secondfactor.QrCodeSvg;
import org.smg.gateway.secondfactor.SecondFactorException;
import org.smg.gateway.secondfactor.SecondFactors;
import org.smg.gateway.secondfactor.Totp;
import org.smg.policies.settings.GatewaySettings;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * The settings pages of the second factor, app passwords and mail-client set-up:
 * <ul>
 * <li>{@code /account/second-factor}: enrolment (QR code from {@code /account/second-factor/qr}, the
 *     secret as text, a code to confirm it), then the recovery codes, shown once; or, once enrolled,
 *     removal with a current code;</li>
 * <li>{@code /account/app-passwords}: the list (name, created, last use), creation (the password
 *     shown once), revocation;</li>
 * <li>{@code /account/mail-clients}: host, ports and user name of the mail ports.</li>
 * </ul>
 * Every change is a POST with the session's CSRF token and is audited by the service it calls.
 */
final class SettingsPages {
    static final String ENROLLED = "Your second factor is set up. From now on you sign in with your password and a code from your app,"
        + " and mail clients need an app password instead of your password.";
    static final String DISABLED = "Your second factor was removed. You sign in with your password alone; mail clients may use your"
        + " password again.";
    private static final int MAX_INPUT = 128;

    private final SecondFactors secondFactors;
    private final AppPasswords appPasswords;
    private final GatewaySettings settings;
    private final Pages pages;
    private final Visit visit;
    private final SignedIn signedIn;
    private final PasswordConfirmation confirmation;

    SettingsPages(SecondFactors secondFactors, AppPasswords appPasswords, GatewaySettings settings, Pages pages, Visit visit,
                  SignedIn signedIn, PasswordConfirmation confirmation) {
        this.confirmation = confirmation;
        this.secondFactors = secondFactors;
        this.appPasswords = appPasswords;
        this.settings = settings;
        this.pages = pages;
        this.visit = visit;
        this.signedIn = signedIn;
    }

    void showSecondFactor(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isPresent()) {
            secondFactorPage(exchange, 200, citizen.get(), null, null);
        }
    }

    /** The QR code of the enrolment in progress; 404 when none is. */
    void qrCode(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        Optional<SecondFactors.Enrolment> enrolment = secondFactors.pendingEnrolment(citizen.get().address(), citizen.get().session().id());
        if (enrolment.isEmpty()) {
            pages.message(exchange, 404, "Page not found", "There is no set-up in progress.", "/account/second-factor", "Set up a second factor");
            return;
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "image/svg+xml");
        exchange.getResponseSender().send(QrCodeSvg.of(enrolment.get().uri()), StandardCharsets.UTF_8);
    }

    void confirmSecondFactor(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        Optional<PasswordConfirmation.Refusal> refused = confirmation.refusal(exchange, citizen.get().address(), form, "second-factor");
        if (refused.isPresent()) {
            secondFactorPage(exchange, refused.get().status(), citizen.get(), PasswordConfirmation.FIELD, refused.get().message());
            return;
        }
        List<String> codes;
        try {
            codes = secondFactors.confirm(citizen.get().address(), citizen.get().session().id(), bounded(form.field("code")),
                Visit.client(exchange));
        } catch (SecondFactorException e) {
            secondFactorPage(exchange, 400, citizen.get(), "code", e.getMessage());
            return;
        }
        pages.send(exchange, 200, "settings-recovery-codes", params("csrf", citizen.get().session().csrfToken(), "notice", ENROLLED, "codes", codes));
    }

    void disableSecondFactor(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        SecondFactors.Check check = secondFactors.disable(citizen.get().address(), bounded(form.field("code")), Visit.client(exchange));
        if (!check.accepted()) {
            secondFactorPage(exchange, check == SecondFactors.Check.THROTTLED ? 429 : 400, citizen.get(), "code", check.explanation());
            return;
        }
        pages.message(exchange, 200, "Second factor removed", DISABLED, "/account", "Back to your settings");
    }

    void showAppPasswords(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isPresent()) {
            appPasswordsPage(exchange, 200, citizen.get(), null, null, null, null);
        }
    }

    void createAppPassword(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        String name = bounded(form.field("name"));
        Optional<PasswordConfirmation.Refusal> refused = confirmation.refusal(exchange, citizen.get().address(), form, "app-password");
        if (refused.isPresent()) {
            appPasswordsPage(exchange, refused.get().status(), citizen.get(), PasswordConfirmation.FIELD, refused.get().message(), null,
                null);
            return;
        }
        try {
            String password = appPasswords.create(citizen.get().address(), name, Visit.client(exchange));
            appPasswordsPage(exchange, 200, citizen.get(), null, null, "App password \u201c" + name.strip() + "\u201d created.", password);
        } catch (SecondFactorException e) {
            appPasswordsPage(exchange, 400, citizen.get(), "name", e.getMessage(), null, null);
        }
    }

    void revokeAppPassword(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(PathParameters.of(exchange, "id"));
        } catch (NumberFormatException e) {
            throw new FormBody.Refused(400, "There is no such app password.");
        }
        if (!appPasswords.revoke(citizen.get().address(), id, Visit.client(exchange))) {
            appPasswordsPage(exchange, 404, citizen.get(), null, "There is no such app password; it may have been revoked already.", null, null);
            return;
        }
        appPasswordsPage(exchange, 200, citizen.get(), null, null, "The app password was revoked: mail clients that use it can no longer"
            + " sign in.", null);
    }

    void showMailClients(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isPresent()) {
            pages.send(exchange, 200, "settings-mail-clients", params("csrf", citizen.get().session().csrfToken(), "address", citizen.get().address(), "host", settings.hostname(),
                "imaps", settings.imapsPort(), "imap", settings.imapPort(), "smtps", settings.smtpsPort(),
                "submission", settings.submissionPort(), "secondFactor", secondFactors.enrolled(citizen.get().address())));
        }
    }

    private void secondFactorPage(HttpServerExchange exchange, int status, SignedIn.Citizen citizen, String field, String error)
            throws Exception {
        String account = citizen.address();
        boolean enrolled = secondFactors.enrolled(account);
        String secret = enrolled ? null : Totp.grouped(secondFactors.enrolment(account, citizen.session().id()).secret());
        pages.send(exchange, status, "settings-second-factor", params("csrf", citizen.session().csrfToken(), "enrolled", enrolled,
            "secret", secret, "address", account, "error", error, "errorFor", field));
    }

    private void appPasswordsPage(HttpServerExchange exchange, int status, SignedIn.Citizen citizen, String field, String error, String notice,
                                  String created) throws Exception {
        String account = citizen.address();
        pages.send(exchange, status, "settings-app-passwords", params("csrf", citizen.session().csrfToken(),
            "passwords", appPasswords.list(account), "secondFactor", secondFactors.enrolled(account), "error", error, "errorFor", field,
            "notice", notice, "created", created));
    }

    private static String bounded(String input) {
        return input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
    }
}
