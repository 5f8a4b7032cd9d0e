package org.smg.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts recent failed logins per account and says how long the next attempt must wait:
 * nothing for the first few failures, then doubling up to a ceiling. A success clears the count;
 * failures are forgotten after {@link #MEMORY} of quiet.
 */
public final class LoginThrottle {
    static final Duration MEMORY = Duration.ofMinutes(15);
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final int failuresBeforeDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile long lastPrune;

    public LoginThrottle(int failuresBeforeDelay, Duration maxDelay, Clock clock) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.lastPrune = clock.millis();
    }

    /** Delay to impose before checking a password for {@code account}. */
    public Duration delayFor(String account) {
        Failures recent = failures.get(account);
        if (recent == null || recent.isStale(clock.millis())) {
            return Duration.ZERO;
        }
        int excess = recent.count - failuresBeforeDelay;
        if (excess < 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(excess, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Records a failure and returns the number of recent failures for the account. */
    public int recordFailure(String account) {
        long now = clock.millis();
        pruneStale(now);
        return failures.compute(account, (key, previous) ->
            previous == null || previous.isStale(now) ? new Failures(1, now) : new Failures(previous.count + 1, now)).count;
    }

    public void recordSuccess(String account) {
        failures.remove(account);
    }

    /**
     * Drops accounts whose failures are stale, at most once a minute: account names come from
     * unauthenticated clients, so failures for ever-new names must not pile up in memory.
     */
    private void pruneStale(long now) {
        if (now - lastPrune < PRUNE_INTERVAL.toMillis()) {
            return;
        }
        lastPrune = now;
        failures.values().removeIf(recent -> recent.isStale(now));
    }

    /** Number of accounts with failures held in memory. */
    int trackedAccounts() {
        return failures.size();
    }

    private static final class Failures {
        private final int count;
        private final long lastFailure;

        private Failures(int count, long lastFailure) {
            this.count = count;
            this.lastFailure = lastFailure;
        }

        private boolean isStale(long now) {
            return now - lastFailure > MEMORY.toMillis();
        }
    }
}
