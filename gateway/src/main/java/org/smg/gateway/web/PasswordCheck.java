package org.smg.gateway.web;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.ThrottledUsersRepository;

import io.undertow.server.HttpServerExchange;

/**
 * An account password checked on the web the way IMAP and SMTP check one: admitted by the per-address
 * {@link LoginGate}, then James's users repository (throttled per account), the account password itself and never an
 * app password. Used by the sign-in and by the password asked again before a sensitive change. A check blocks a
 * worker thread (the gate's delay, the account's delay, then the one-at-a-time hashing every protocol shares), so at
 * most {@link #CONCURRENT_CHECKS} wait at once and the other pages keep their workers.
 */
final class PasswordCheck {
    /** What became of a check: right, wrong, refused by the address's gate, or not started (too many under way). */
    enum Result { VALID, WRONG, THROTTLED, BUSY }

    /** How long a check may wait for its turn at the gate before it is answered as throttled. */
    static final Duration ADMISSION_WAIT = Duration.ofSeconds(20);
    static final int CONCURRENT_CHECKS = CitizenWebServer.WORKER_THREADS / 2;
    static final int MAX_ADDRESS = 254;
    private static final int MAX_PASSWORD = 1024;

    private final UsersRepository users;
    private final LoginGate gate;
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);

    PasswordCheck(UsersRepository users, LoginGate gate) {
        this.users = users;
        this.gate = gate;
    }

    Result check(HttpServerExchange exchange, String address, String password) throws Exception {
        if (!checks.tryAcquire()) {
            return Result.BUSY;
        }
        try {
            return admittedCheck(exchange.getSourceAddress().getAddress(), address, password);
        } finally {
            checks.release();
        }
    }

    private Result admittedCheck(InetAddress client, String address, String password) throws Exception {
        if (address.isEmpty() || address.length() > MAX_ADDRESS || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Result.WRONG;
        }
        Username username;
        try {
            username = Username.of(address);
        } catch (IllegalArgumentException e) {
            return Result.WRONG;
        }
        try (LoginGate.Admission admission = gate.admitWithin(client, ADMISSION_WAIT)) {
            if (!admission.admitted()) {
                return Result.THROTTLED;
            }
            if (!accountPassword(username, password)) {
                return Result.WRONG;
            }
            admission.succeeded();
            return Result.VALID;
        }
    }

    private boolean accountPassword(Username username, String password) throws UsersRepositoryException {
        return ThrottledUsersRepository.accountPassword(users, username, password);
    }
}
