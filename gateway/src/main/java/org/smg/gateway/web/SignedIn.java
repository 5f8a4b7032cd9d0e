package org.smg.gateway.web;

import java.sql.SQLException;
import java.util.Optional;

import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.LoginAccess;

import io.undertow.server.HttpServerExchange;

/**
 * The citizen behind a request to a page that needs one, asked of the enrollment rules on every
 * request (a suspension or new terms take effect at once): not signed in goes to the sign-in
 * page; terms not accepted go to the terms page, unless the page is allowed before them; a
 * suspended, opted-out or closed account is signed out with the reason.
 */
public final class SignedIn {
    public record Citizen(WebSession session, Account account, LoginAccess access) {
        public String address() {
            return account.address();
        }
    }

    private final Enrollment enrollment;
    private final Pages pages;
    private final Visit visit;

    SignedIn(Enrollment enrollment, Pages pages, Visit visit) {
        this.enrollment = enrollment;
        this.pages = pages;
        this.visit = visit;
    }

    /** The citizen, or empty when the request was already answered (redirect or refusal). */
    Optional<Citizen> require(HttpServerExchange exchange, boolean beforeTerms) throws SQLException {
        Optional<WebSession> session = visit.signedIn(exchange);
        if (session.isEmpty()) {
            Pages.redirect(exchange, "/signin");
            return Optional.empty();
        }
        String address = session.get().account().orElseThrow();
        Optional<Account> account = enrollment.find(address);
        LoginAccess access = account.isPresent() ? enrollment.access(address) : LoginAccess.NO_ACCOUNT;
        if (access == LoginAccess.ALLOWED || access == LoginAccess.TERMS_REQUIRED && beforeTerms) {
            return Optional.of(new Citizen(session.get(), account.orElseThrow(), access));
        }
        if (access == LoginAccess.TERMS_REQUIRED) {
            Pages.redirect(exchange, "/terms");
            return Optional.empty();
        }
        visit.signOut(exchange, session);
        pages.message(exchange, 403, "No access", access.explanation(enrollment.links()), null, null);
        return Optional.empty();
    }
}
