package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession.State;
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
import org.smg.gateway.consent.Consent;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;
import org.smg.gateway.enrollment.AccountSessions.Registration;
import org.smg.mailets.audit.AuditException;

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
 *
 * <p>A representative's login for a citizen ({@link DelegatingAuthCmdHandler} keeps the citizen aside) checks the
 * representative's password and account, then the consent: without one in force it is answered like a wrong
 * password; with one, the session is the citizen's (James's SMTP_AUTH_USER), the consent is audited
 * ({@code CONSENT_USED}) and kept for {@link ConsentAllowsSending}.
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
    private final Consents consents;

    @Inject
    public GatedAuthentication(UsersRepository users, LoginGate gate, AccountLogins logins, Consents consents) {
        this.users = users;
        this.gate = gate;
        this.logins = logins;
        this.consents = consents;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        try (Admission admission = gate.admitWithin(session.getRemoteAddress().getAddress(), WAIT_LIMIT)) {
            if (!admission.admitted()) {
                return FAILED;
            }
            String client = session.getRemoteAddress().getAddress().getHostAddress();
            Optional<Username> citizen = session.removeAttachment(DelegatingAuthCmdHandler.CITIZEN, State.Connection);
            if (!users.test(username, password)) {
                logins.failed(LoginProtocol.SMTP, citizen.orElse(username).asString(), client);
                return FAILED;
            }
            Decision decision = logins.verified(LoginProtocol.SMTP, username.asString(), client);
            if (!decision.allowed()) {
                return refused(decision);
            }
            Optional<Consent> consent = Optional.empty();
            if (citizen.isPresent()) {
                consent = consents.validNow(username.asString(), citizen.get().asString());
                if (consent.isEmpty()) {
                    // Answered like a wrong password: the answer does not tell whether a consent exists.
                    logins.failed(LoginProtocol.SMTP, citizen.get().asString(), client);
                    return FAILED;
                }
                consents.used(consent.get(), "smtp", client);
            }
            admission.succeeded();
            session.setRelayingAllowed(true);
            register(session, username);
            if (consent.isPresent()) {
                Username represented = Username.of(consent.get().citizen());
                session.setUsername(represented);
                DelegatedSession delegated = DelegatedSession.of(consent.get());
                session.setAttachment(ConsentAllowsSending.SESSION, delegated, State.Connection);
                register(session, represented);
                SmtpConnection.of(session).ifPresent(connection ->
                    connection.whenClosed(consents.opened(delegated, "smtp", connection::end)::close));
            } else {
                session.setUsername(username);
            }
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.ok())
                .smtpDescription("2.7.0 Authentication successful")
                .build();
        } catch (UsersRepositoryException e) {
            LOGGER.warn("Authentication could not be checked", e);
            return FAILED;
        } catch (AccountLogins.Unavailable | SQLException | AuditException e) {
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
