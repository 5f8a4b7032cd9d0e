package org.smg.gateway.web;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.mailets.audit.AuditAction;

import io.undertow.server.HttpServerExchange;

/**
 * The account password asked for again before a change that hands out a way into the account (a second factor, an
 * app password): a session left open on a shared computer is not enough to make one. Checked as a sign-in is
 * ({@link PasswordCheck}: the per-address gate, the per-account throttle, the account password itself and never an
 * app password); a wrong one is audited as a failed login.
 */
final class PasswordConfirmation {
    private static final Logger LOGGER = LoggerFactory.getLogger(PasswordConfirmation.class);
    static final String FIELD = "current";
    static final String WRONG = "Your password is not correct. Enter the password you sign in with to confirm this change.";

    /** Why the change was not made: the HTTP status and the sentence shown next to the password field. */
    record Refusal(int status, String message) {
    }

    private final PasswordCheck passwords;
    private final AuditTrail audit;

    PasswordConfirmation(PasswordCheck passwords, AuditTrail audit) {
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Empty when the form's password is the account's; {@code purpose} names the change in the audit trail. */
    Optional<Refusal> refusal(HttpServerExchange exchange, String account, FormBody form, String purpose) throws Exception {
        PasswordCheck.Result result = passwords.check(exchange, account, form.field(FIELD));
        if (result == PasswordCheck.Result.VALID) {
            return Optional.empty();
        }
        LOGGER.info("password confirmation of {} for {} refused: {}", account, purpose, result);
        if (result == PasswordCheck.Result.BUSY) {
            return Optional.of(new Refusal(503, SignInPages.BUSY));
        }
        String who = AuditTrail.fromClient(account);
        audit.record("user:" + who, AuditAction.LOGIN_FAILED, who, "confirmation-" + result.name().toLowerCase(Locale.ROOT),
            "protocol=web purpose=" + purpose + " client=" + AuditTrail.fromClient(Visit.client(exchange)));
        return Optional.of(result == PasswordCheck.Result.THROTTLED ? new Refusal(429, SignInPages.THROTTLED) : new Refusal(400, WRONG));
    }
}
