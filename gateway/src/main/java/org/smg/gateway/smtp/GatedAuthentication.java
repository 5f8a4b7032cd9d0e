package org.smg.gateway.smtp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.LoginGate.Admission;

/**
 * SMTP AUTH (PLAIN, LOGIN) through the {@link LoginGate}: the client's address is admitted before
 * the users repository is asked, so before any password is hashed. Placed before James's
 * {@code UsersRepositoryAuthHook} and answering every attempt itself, so every failure, refused
 * unchecked or wrong password, gets the same {@code 535 5.7.8} reply (RFC 4954).
 *
 * <p>James's SMTP command handlers are synchronous, on executor threads that connections share,
 * so the wait for admission blocks the connection's thread and may hold up other connections on
 * it. The wait is bounded: an address without failures is admitted at once; at most two attempts
 * of one address are under way ({@link LoginGate#admitBlocking}), further ones are answered as
 * failed at once; none waits longer than {@link LoginGate#longestWait()}.
 */
public final class GatedAuthentication implements AuthHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(GatedAuthentication.class);

    private static final HookResult FAILED = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("535")
        .smtpDescription("5.7.8 Authentication credentials invalid")
        .build();

    private final UsersRepository users;
    private final LoginGate gate;

    @Inject
    public GatedAuthentication(UsersRepository users, LoginGate gate) {
        this.users = users;
        this.gate = gate;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        CompletableFuture<Admission> waiting = gate.admitBlocking(session.getRemoteAddress().getAddress());
        try (Admission admission = waiting.get(gate.longestWait().toMillis(), TimeUnit.MILLISECONDS)) {
            if (!admission.admitted() || !users.test(username, password)) {
                return FAILED;
            }
            admission.succeeded();
            session.setUsername(username);
            session.setRelayingAllowed(true);
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.ok())
                .smtpDescription("2.7.0 Authentication successful")
                .build();
        } catch (TimeoutException e) {
            waiting.thenAccept(Admission::close);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.thenAccept(Admission::close);
            return FAILED;
        } catch (ExecutionException | UsersRepositoryException e) {
            LOGGER.warn("Authentication could not be checked", e);
            return FAILED;
        }
    }

    /** No SASL mechanism other than PLAIN and LOGIN is configured; James's hook declines them too. */
    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DECLINED;
    }
}
