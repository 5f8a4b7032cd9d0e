package org.smg.gateway.enrollment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open session of every account, on every protocol (IMAP, SMTP, web), so that a
 * suspension, an opt-out or a password change can end them all at once. A protocol registers a
 * session when its login succeeds and closes the registration when the session ends. A maintenance window ends
 * every session at its start ({@link #endEverySession}).
 */
public final class AccountSessions {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccountSessions.class);

    /** One open session; {@link #close()} forgets it without ending it (the session ended by itself). */
    public final class Registration implements AutoCloseable {
        private final String account;
        private final String protocol;
        private final Consumer<SessionEnd> ender;

        private Registration(String account, String protocol, Consumer<SessionEnd> ender) {
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

        private void end(SessionEnd why) {
            close();
            try {
                ender.accept(why);
            } catch (RuntimeException e) {
                LOGGER.warn("ending a {} session of {} failed: {}", protocol, account, e.toString());
            }
        }
    }

    private final Map<String, Set<Registration>> open = new ConcurrentHashMap<>();
    private volatile Predicate<String> mayStayOpen = account -> true;
    private volatile Supplier<Optional<SessionEnd>> closedToAll = Optional::empty;

    /**
     * The check a session passes once it is registered: a login decided just before a suspension
     * could otherwise register after the suspension ended every session, and stay open.
     */
    public void checkEachRegistrationWith(Predicate<String> stillActive) {
        this.mayStayOpen = stillActive;
    }

    /**
     * The second check a session passes once it is registered, for every account at once: a login admitted just
     * before a maintenance window began could otherwise register after the window's start ended every session.
     */
    public void checkEachRegistrationAgainst(Supplier<Optional<SessionEnd>> closedToAll) {
        this.closedToAll = closedToAll;
    }

    /**
     * Records an open session.
     *
     * @param ender ends the session (closes its connection) telling the client why; called at most
     *              once, from any thread, and must not block for long
     */
    public Registration register(String account, String protocol, Consumer<SessionEnd> ender) {
        Registration registration = new Registration(key(account), protocol, ender);
        open.computeIfAbsent(registration.account, any -> ConcurrentHashMap.newKeySet()).add(registration);
        if (!mayStayOpen.test(registration.account)) {
            LOGGER.info("a {} session of {} ended as it opened: the account is no longer active", protocol, registration.account);
            registration.end(SessionEnd.ACCOUNT_CHANGED);
            return registration;
        }
        Optional<SessionEnd> closed = closedToAll.get();
        if (closed.isPresent()) {
            LOGGER.info("a {} session of {} ended as it opened: {}", protocol, registration.account, closed.get().cause());
            registration.end(closed.get());
        }
        return registration;
    }

    /**
     * Records an open session also under a key that names no account but what the session depends on (a consent:
     * {@code consent:<id>}), so that ending that thing ends the session ({@link #endAll(String, SessionEnd)}). The
     * account checks of {@link #register} do not apply; {@code stillValid} is asked once the session is registered,
     * for the same race: a login decided just before a revocation could otherwise register after it, and stay open.
     */
    public Registration registerUnder(String key, String protocol, Consumer<SessionEnd> ender, BooleanSupplier stillValid,
                                      SessionEnd otherwise) {
        Registration registration = new Registration(key(key), protocol, ender);
        open.computeIfAbsent(registration.account, any -> ConcurrentHashMap.newKeySet()).add(registration);
        if (!stillValid.getAsBoolean()) {
            LOGGER.info("a {} session under {} ended as it opened: {}", protocol, registration.account, otherwise.cause());
            registration.end(otherwise);
        }
        return registration;
    }

    /** Ends every session registered under the key, telling each client why; returns how many were ended. */
    public int endAll(String key, SessionEnd why) {
        Set<Registration> sessions = open.get(key(key));
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (Registration registration : Set.copyOf(sessions)) {
            registration.end(why);
            ended++;
        }
        LOGGER.info("ended {} open session(s) under {}", ended, key(key));
        return ended;
    }

    /** Ends every open session of every account, telling each client why; returns how many were ended. */
    public int endEverySession(SessionEnd why) {
        int ended = 0;
        for (Set<Registration> sessions : open.values()) {
            for (Registration registration : Set.copyOf(sessions)) {
                registration.end(why);
                ended++;
            }
        }
        LOGGER.info("ended {} open session(s) of every account: {}", ended, why.cause());
        return ended;
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
                registration.end(SessionEnd.ACCOUNT_CHANGED);
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
