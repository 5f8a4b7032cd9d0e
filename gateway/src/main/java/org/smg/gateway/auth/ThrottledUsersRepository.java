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
 * The users repository every protocol authenticates against (SMTP AUTH, IMAP LOGIN/AUTHENTICATE,
 * WebAdmin): James's JPA repository, with failed logins logged (account only, never the password)
 * and repeated failures slowed down by {@link LoginThrottle}.
 */
public final class ThrottledUsersRepository implements UsersRepository {
    private static final Logger LOGGER = LoggerFactory.getLogger(ThrottledUsersRepository.class);

    static final int MAX_DELAYED_LOGINS = 4;

    private final UsersRepository delegate;
    private final LoginThrottle throttle;
    private final Semaphore delayedLogins = new Semaphore(MAX_DELAYED_LOGINS);

    @Inject
    public ThrottledUsersRepository(JPAUsersRepository delegate, LoginThrottle throttle) {
        this((UsersRepository) delegate, throttle);
    }

    ThrottledUsersRepository(UsersRepository delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        String account = name.asString().toLowerCase(Locale.ROOT);
        if (!pause(throttle.delayFor(account))) {
            int failures = throttle.recordFailure(account);
            LOGGER.warn("Authentication refused for account {} without checking: too many delayed logins at once ({} recent failures)",
                account, failures);
            return false;
        }
        boolean valid = delegate.test(name, password);
        if (valid) {
            throttle.recordSuccess(account);
        } else {
            int failures = throttle.recordFailure(account);
            LOGGER.warn("Authentication failed for account {} ({} recent failures)", account, failures);
        }
        return valid;
    }

    /**
     * Waits out the delay on the calling protocol thread. Protocol threads are shared, so at most
     * {@link #MAX_DELAYED_LOGINS} logins wait at once; beyond that an attempt fails at once, which
     * slows a guesser down just as well without stalling other clients. Returns false then.
     */
    private boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        if (!delayedLogins.tryAcquire()) {
            return false;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delayedLogins.release();
        }
        return true;
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
