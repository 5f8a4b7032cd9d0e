package org.smg.gateway.enrollment;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open session of every account, on every protocol (IMAP, SMTP, web), so that a
 * suspension, an opt-out or a password change can end them all at once. A protocol registers a
 * session when its login succeeds and closes the registration when the session ends.
 */
public final class AccountSessions {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccountSessions.class);

    /** One open session; {@link #close()} forgets it without ending it (the session ended by itself). */
    public final class Registration implements AutoCloseable {
        private final String account;
        private final String protocol;
        private final Runnable ender;

        private Registration(String account, String protocol, Runnable ender) {
            this.account = account;
            this.protocol = protocol;
            this.ender = ender;
        }

        @Override
        public void close() {
            Set<Registration> sessions = open.get(account);
            if (sessions != null) {
                sessions.remove(this);
            }
        }

        private void end() {
            close();
            try {
                ender.run();
            } catch (RuntimeException e) {
                LOGGER.warn("ending a {} session of {} failed: {}", protocol, account, e.toString());
            }
        }
    }

    private final Map<String, Set<Registration>> open = new ConcurrentHashMap<>();
    private volatile Predicate<String> mayStayOpen = account -> true;

    /**
     * The check a session passes once it is registered: a login decided just before a suspension
     * could otherwise register after the suspension ended every session, and stay open.
     */
    public void checkEachRegistrationWith(Predicate<String> stillActive) {
        this.mayStayOpen = stillActive;
    }

    /**
     * Records an open session.
     *
     * @param ender ends the session (closes its connection); called at most once, from any thread,
     *              and must not block for long
     */
    public Registration register(String account, String protocol, Runnable ender) {
        Registration registration = new Registration(key(account), protocol, ender);
        open.computeIfAbsent(registration.account, any -> ConcurrentHashMap.newKeySet()).add(registration);
        if (!mayStayOpen.test(registration.account)) {
            LOGGER.info("a {} session of {} ended as it opened: the account is no longer active", protocol, registration.account);
            registration.end();
        }
        return registration;
    }

    /** Ends every open session of the account; returns how many were ended. */
    public int endAll(String account) {
        return endAllExcept(account, null);
    }

    /** Ends every open session of the account but one (the web session that changed the password). */
    public int endAllExcept(String account, Registration keep) {
        Set<Registration> sessions = open.get(key(account));
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (Registration registration : Set.copyOf(sessions)) {
            if (registration != keep) {
                registration.end();
                ended++;
            }
        }
        LOGGER.info("ended {} open session(s) of {}", ended, key(account));
        return ended;
    }

    /** How many sessions of the account are open now. */
    public int count(String account) {
        Set<Registration> sessions = open.get(key(account));
        return sessions == null ? 0 : sessions.size();
    }

    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }
}
