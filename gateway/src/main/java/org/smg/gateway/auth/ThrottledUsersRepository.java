package org.smg.gateway.auth;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users repository every protocol authenticates against (SMTP AUTH, IMAP LOGIN/AUTHENTICATE):
 * James's JPA repository, with failed logins logged (account only, never the password), repeated
 * failures per account slowed down by {@link LoginThrottle}, and every check made alike:
 *
 * <ul>
 * <li>an unknown account costs a hash too (a decoy, same algorithm), so the answer's timing does
 * not tell which accounts exist;</li>
 * <li>failures are counted for every name, existing or not, so the throttle does not tell either;</li>
 * <li>at most {@link #CONCURRENT_CHECKS} password is hashed at a time, first come first served,
 * so a flood of logins cannot take both cores of a small server.</li>
 * </ul>
 *
 * <p>{@link #test} is what the mail protocols ask. There, an app password is accepted, and once the
 * account has a second factor its own password is not ({@link ProtocolPasswords}): the password is
 * still hashed, so the answer and its timing are those of a wrong password. The web sign-in, which
 * asks for the second factor itself, checks the account password with {@link #testAccountPassword}.
 *
 * <p>Per-address limits apply before this repository is asked, in the protocols ({@link LoginGate}).
 */
public final class ThrottledUsersRepository implements UsersRepository {
    private static final Logger LOGGER = LoggerFactory.getLogger(ThrottledUsersRepository.class);

    /** One PBKDF2 at a time: leaves a core of the two for mail while logins queue. */
    static final int CONCURRENT_CHECKS = 1;

    private final UsersRepository delegate;
    private final LoginThrottle throttle;
    private final PasswordHashing hashing;
    private final ProtocolPasswords protocolPasswords;
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);

    @Inject
    public ThrottledUsersRepository(JPAUsersRepository delegate, LoginThrottle throttle, ProtocolPasswords protocolPasswords) {
        this(delegate, throttle, PasswordHashing.withConfiguredAlgorithm(), protocolPasswords);
    }

    ThrottledUsersRepository(UsersRepository delegate, LoginThrottle throttle, PasswordHashing hashing) {
        this(delegate, throttle, hashing, ProtocolPasswords.NONE);
    }

    ThrottledUsersRepository(UsersRepository delegate, LoginThrottle throttle, PasswordHashing hashing, ProtocolPasswords protocolPasswords) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.hashing = hashing;
        this.protocolPasswords = protocolPasswords;
    }

    /** A login of a mail protocol: an app password, or the account's password unless it has a second factor. */
    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        return throttled(name, password, true);
    }

    /** The account's own password, whatever its second factor: for the web sign-in and password change, which ask for more. */
    public boolean testAccountPassword(Username name, String password) throws UsersRepositoryException {
        return throttled(name, password, false);
    }

    /**
     * The account-password check of {@code users}: {@link #testAccountPassword} for this repository,
     * {@link UsersRepository#test} for any other (tests wire plain repositories).
     */
    public static boolean accountPassword(UsersRepository users, Username name, String password) throws UsersRepositoryException {
        if (users instanceof ThrottledUsersRepository throttled) {
            return throttled.testAccountPassword(name, password);
        }
        return users.test(name, password);
    }

    private boolean throttled(Username name, String password, boolean mailProtocol) throws UsersRepositoryException {
        String account = name.asString().toLowerCase(Locale.ROOT);
        pause(throttle.delayFor(account));
        boolean valid = check(name, account, password, mailProtocol);
        if (valid) {
            throttle.recordSuccess(account);
        } else {
            int failures = throttle.recordFailure(account);
            LOGGER.warn("Authentication failed for account {} ({} recent failures)", account, failures);
        }
        return valid;
    }

    /**
     * Waits out the account's delay on the calling thread. The wait is bounded by
     * limits.auth.maxDelay, and the protocols bound how many logins of one client address are
     * under way at once ({@link LoginGate}), so no attempt is refused unchecked here.
     */
    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looks the account up and hashes the password, or the decoy when there is no such account. */
    private boolean check(Username name, String account, String password, boolean mailProtocol) throws UsersRepositoryException {
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            User user = delegate.getUserByName(name);
            if (user == null) {
                return hashing.checkDecoy(password);
            }
            if (!mailProtocol) {
                return user.verifyPassword(password);
            }
            if (protocolPasswords.appPasswordMatches(account, password)) {
                return true;
            }
            boolean verified = user.verifyPassword(password);
            if (verified && protocolPasswords.accountPasswordRefused(account)) {
                LOGGER.info("Account password of {} refused for a mail protocol: it has a second factor, clients need an app password", account);
                return false;
            }
            return verified;
        } finally {
            checks.release();
        }
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        delegate.addUser(username, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        return delegate.getUserByName(name);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        delegate.updateUser(user);
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        delegate.removeUser(name);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return delegate.contains(name);
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return delegate.containsReactive(name);
    }

    @Override
    public int countUsers() throws UsersRepositoryException {
        return delegate.countUsers();
    }

    @Override
    public Iterator<Username> list() throws UsersRepositoryException {
        return delegate.list();
    }

    @Override
    public Publisher<Username> listReactive() {
        return delegate.listReactive();
    }

    @Override
    public boolean supportVirtualHosting() throws UsersRepositoryException {
        return delegate.supportVirtualHosting();
    }

    @Override
    public Username getUsername(MailAddress mailAddress) throws UsersRepositoryException {
        return delegate.getUsername(mailAddress);
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        return delegate.getMailAddressFor(username);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        return delegate.isAdministrator(username);
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public void assertValid(Username username) throws UsersRepositoryException {
        delegate.assertValid(username);
    }
}
