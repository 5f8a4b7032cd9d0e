package org.smg.gateway.auth;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.LoginAccess;
import org.smg.gateway.enrollment.SessionEnd;
import org.smg.mailets.audit.AuditException;

/**
 * What IMAP and SMTP do around a password check: once James has verified a password, the account's
 * state ({@link Enrollment#access}) decides whether the login may go on; every outcome goes to the
 * audit trail; an admitted session is registered so that a suspension, an opt-out or a password
 * change can end it.
 *
 * <p>The state is asked only after the password was verified, so someone without the password
 * learns nothing about the account: a wrong password keeps the protocol's usual answer.
 */
public final class AccountLogins {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccountLogins.class);

    /** The outcome for a verified password: allowed, or refused with the text the protocol gives after its code. */
    public record Decision(LoginAccess access, String explanation) {
        public boolean allowed() {
            return access == LoginAccess.ALLOWED;
        }
    }

    /** The account's state or the audit trail could not be read or written: the login must fail temporarily. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Enrollment enrollment;
    private final AuditTrail audit;
    private final AccountSessions sessions;

    @Inject
    public AccountLogins(Enrollment enrollment, AuditTrail audit, AccountSessions sessions) {
        this.enrollment = enrollment;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * Decides a login whose password James has verified, and records it (succeeded, or failed with
     * outcome {@code refused-<reason>}). Fails closed: a login that cannot be decided or recorded is
     * not admitted.
     */
    public Decision verified(LoginProtocol protocol, String account, String client) throws Unavailable {
        try {
            LoginAccess access = enrollment.access(account);
            if (access == LoginAccess.ALLOWED) {
                audit.loginSucceeded(protocol, account, client);
            } else {
                audit.loginRefused(protocol, account, client, reason(access));
                LOGGER.info("{} login of {} refused: {}", word(protocol), account, reason(access));
            }
            return new Decision(access, access.explanation(enrollment.links()));
        } catch (SQLException | AuditException e) {
            LOGGER.warn("{} login of {} could not be decided: {}", word(protocol), account, e.toString());
            throw new Unavailable("login could not be decided", e);
        }
    }

    /** Records a login whose credentials were wrong; the answer to the client does not wait on the trail. */
    public void failed(LoginProtocol protocol, String account, String client) {
        try {
            audit.loginFailed(protocol, account, client);
        } catch (AuditException e) {
            LOGGER.warn("failed {} login could not be recorded: {}", word(protocol), e.getMessage());
        }
    }

    /** Registers an admitted session; close the registration when its connection closes. */
    public AccountSessions.Registration opened(LoginProtocol protocol, String account, Consumer<SessionEnd> ender) {
        return sessions.register(account, word(protocol), ender);
    }

    static String reason(LoginAccess access) {
        return access.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String word(LoginProtocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }
}
