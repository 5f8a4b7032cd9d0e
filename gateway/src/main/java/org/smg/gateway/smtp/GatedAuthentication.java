package org.smg.gateway.smtp;

import java.time.Duration;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.auth.AccountLogins;
import org.smg.gateway.auth.AccountLogins.Decision;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.LoginGate.Admission;
import org.smg.gateway.enrollment.AccountSessions.Registration;

/**
 * SMTP AUTH (PLAIN, LOGIN) through the {@link LoginGate}: the client's address is admitted before
 * the users repository is asked, so before any password is hashed. Placed before James's
 * {@code UsersRepositoryAuthHook} and answering every attempt itself, so every failure, refused
 * unchecked or wrong password, gets the same {@code 535 5.7.8} reply (RFC 4954).
 *
 * <p>An address with recent failures waits its turn, as in IMAP: its attempts are delayed and then
 * checked in arrival order, at most {@link #WAIT_LIMIT} (a client waits minutes for a reply); only
 * attempts beyond the gate's per-address cap, or still waiting after the limit, are refused
 * unchecked. Waiting blocks the thread running this connection's commands, which is not a shared
 * I/O thread: {@link GuardedSmtpServer} runs SMTP commands on threads of their own.
 *
 * <p>A right password is then put to the account ({@link AccountLogins}): terms not accepted,
 * suspended, opted out or no account is refused with {@code 535 5.7.8} and what to do, and the
 * session stays unauthenticated; an admitted session is registered, to be ended with a 421 when the
 * account is suspended, opted out or its password changed. Checked logins are audited; attempts
 * refused unchecked are not (a flood would only fill the trail), the log has them.
 */
public final class GatedAuthentication implements AuthHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(GatedAuthentication.class);

    private static final HookResult FAILED = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("535")
        .smtpDescription("5.7.8 Authentication credentials invalid")
        .build();

    /** Longer than the longest delay plus a queue of the address's own attempts; shorter than client timeouts. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    /** RFC 4954: the account's state could not be read, or the login not recorded. */
    private static final HookResult UNAVAILABLE = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("454")
        .smtpDescription("4.7.0 Temporary authentication failure")
        .build();

    private final UsersRepository users;
    private final LoginGate gate;
    private final AccountLogins logins;

    @Inject
    public GatedAuthentication(UsersRepository users, LoginGate gate, AccountLogins logins) {
        this.users = users;
        this.gate = gate;
        this.logins = logins;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        try (Admission admission = gate.admitWithin(session.getRemoteAddress().getAddress(), WAIT_LIMIT)) {
            if (!admission.admitted()) {
                return FAILED;
            }
            String client = session.getRemoteAddress().getAddress().getHostAddress();
            if (!users.test(username, password)) {
                logins.failed(LoginProtocol.SMTP, username.asString(), client);
                return FAILED;
            }
            Decision decision = logins.verified(LoginProtocol.SMTP, username.asString(), client);
            if (!decision.allowed()) {
                return refused(decision);
            }
            admission.succeeded();
            session.setUsername(username);
            session.setRelayingAllowed(true);
            register(session, username);
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.ok())
                .smtpDescription("2.7.0 Authentication successful")
                .build();
        } catch (UsersRepositoryException e) {
            LOGGER.warn("Authentication could not be checked", e);
            return FAILED;
        } catch (AccountLogins.Unavailable e) {
            return UNAVAILABLE;
        }
    }

    private static HookResult refused(Decision decision) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("535")
            .smtpDescription("5.7.8 " + decision.explanation())
            .build();
    }

    private void register(SMTPSession session, Username username) {
        SmtpConnection.of(session).ifPresent(connection -> {
            Registration registration = logins.opened(LoginProtocol.SMTP, username.asString(), connection::end);
            connection.whenClosed(registration::close);
        });
    }

    /** No SASL mechanism other than PLAIN and LOGIN is configured; James's hook declines them too. */
    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DECLINED;
    }
}
