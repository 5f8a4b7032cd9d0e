package org.smg.gateway.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.AccountSessions;

/**
 * The web sessions, in memory: ids of 256 random bits, ended by their {@link SessionTimeouts} (after a
 * while without a request, and at the latest a fixed time after they began). A signed-in session is registered in {@link AccountSessions} under protocol
 * {@code web}, so a suspension, an opt-out or a password change elsewhere ends it: the next
 * request with its cookie finds no session and is treated as signed out.
 *
 * <p>Sign-in always creates a new session (and so a new id and CSRF token): an id that existed
 * before sign-in, which someone else might have planted or seen, is never promoted.
 *
 * <p>Memory is bounded. Pre-sessions cost nothing to make (any visitor of the sign-in page gets
 * one), so there are at most {@link #MAX_PRE_SESSIONS}: when full, the oldest is dropped (its
 * visitor's form is refused with the CSRF page and works after a reload), so a flood of visitors
 * can neither exhaust memory nor lock real ones out. Signed-in sessions need a password and are
 * never dropped for room. Expired sessions are swept once a minute by the server's timer ({@link #sweep}), so the
 * encrypted files of a message left half-written are deleted soon after its session expired, even when nobody
 * visits; new sessions also sweep when a minute has passed since the last sweep.
 */
final class WebSessions {
    private static final Logger LOGGER = LoggerFactory.getLogger(WebSessions.class);
    static final int MAX_PRE_SESSIONS = 20_000;
    static final String PROTOCOL = "web";
    private static final int ID_BYTES = 32;
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final AccountSessions accounts;
    private final Clock clock;
    private final SessionTimeouts timeouts;
    private final SecureRandom random = new SecureRandom();
    private final int preSessionCapacity;
    /** Pre-sessions in creation order; may hold some already ended, which are skipped when polled. */
    private final Queue<WebSession> preSessions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger preSessionCount = new AtomicInteger();
    private volatile Instant lastSweep = Instant.EPOCH;

    WebSessions(AccountSessions accounts, Clock clock) {
        this(accounts, clock, SessionTimeouts.DEFAULT);
    }

    WebSessions(AccountSessions accounts, Clock clock, SessionTimeouts timeouts) {
        this(accounts, clock, timeouts, MAX_PRE_SESSIONS);
    }

    WebSessions(AccountSessions accounts, Clock clock, int preSessionCapacity) {
        this(accounts, clock, SessionTimeouts.DEFAULT, preSessionCapacity);
    }

    WebSessions(AccountSessions accounts, Clock clock, SessionTimeouts timeouts, int preSessionCapacity) {
        this.accounts = accounts;
        this.clock = clock;
        this.timeouts = timeouts;
        this.preSessionCapacity = preSessionCapacity;
    }

    /** The live session with this id, touched; empty when unknown, ended, idle too long or too old (then ended). */
    Optional<WebSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        WebSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.ended() || expired(session, now)) {
            end(session);
            return Optional.empty();
        }
        session.seen(now);
        // The sweep may have ended it between the check and the touch. (It may still end it right after: the session's
        // files then refuse additions, and its pages find it ended at the next request.)
        return session.ended() ? Optional.empty() : Optional.of(session);
    }

    /** A new session before sign-in, for the CSRF token of a form; the oldest pre-session goes when there are too many. */
    WebSession anonymous() {
        sweepIfDue();
        while (preSessionCount.get() >= preSessionCapacity) {
            WebSession oldest = preSessions.poll();
            if (oldest == null) {
                break;
            }
            preSessionCount.decrementAndGet();
            end(oldest);
        }
        WebSession session = store(new WebSession(newId(), CsrfToken.newToken(random), null, clock.instant()));
        preSessions.add(session);
        preSessionCount.incrementAndGet();
        return session;
    }

    /**
     * Signs the account in: ends {@code previous} (if any) and returns a new session under a new id,
     * registered in {@link AccountSessions}. Never refused for lack of room: a proven citizen gets in.
     */
    WebSession signIn(String account, Optional<WebSession> previous) {
        previous.ifPresent(this::end);
        sweepIfDue();
        WebSession session = store(new WebSession(newId(), CsrfToken.newToken(random), account, clock.instant()));
        session.registered(accounts.register(account, PROTOCOL, why -> end(session)));
        LOGGER.debug("web session started for {}", account);
        return session;
    }

    /** Ends the session: it is forgotten, its registration closed, its cookie no longer works. */
    void end(WebSession session) {
        sessions.remove(session.id(), session);
        session.end();
    }

    int size() {
        return sessions.size();
    }

    private WebSession store(WebSession session) {
        sessions.put(session.id(), session);
        return session;
    }

    private boolean expired(WebSession session, Instant now) {
        return timeouts.expired(session, now);
    }

    private void sweepIfDue() {
        if (lastSweep.plus(SWEEP_INTERVAL).isBefore(clock.instant())) {
            sweep();
        }
    }

    /** Ends every expired session now, deleting what it held (its attached files). */
    void sweep() {
        Instant now = clock.instant();
        lastSweep = now;
        for (WebSession session : sessions.values()) {
            if (session.ended() || expired(session, now)) {
                end(session);
            }
        }
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether an id has the shape this store issues: 43 base64url characters. Checked before any lookup. */
    static boolean wellFormedId(String id) {
        return id != null && id.length() == 43 && id.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
