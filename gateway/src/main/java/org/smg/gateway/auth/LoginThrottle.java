package org.smg.gateway.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts recent failed logins per key (an account, a client address) and says how long the next
 * attempt must wait: nothing for the first few failures, then doubling up to a ceiling. Failures
 * are forgotten after {@link #MEMORY} of quiet. Memory is fixed: see {@link FailureTable}.
 */
public final class LoginThrottle {
    static final Duration MEMORY = Duration.ofMinutes(15);
    /** 65,536 entries, about 1.3 MB, whatever the number of names clients make up. */
    static final int DEFAULT_CAPACITY = 1 << 16;
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);

    private final int failuresBeforeDelay;
    private final Duration maxDelay;
    private final FailureTable failures;

    public LoginThrottle(int failuresBeforeDelay, Duration maxDelay, Clock clock) {
        this(failuresBeforeDelay, maxDelay, clock, DEFAULT_CAPACITY);
    }

    LoginThrottle(int failuresBeforeDelay, Duration maxDelay, Clock clock, int capacity) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.maxDelay = maxDelay;
        this.failures = new FailureTable(capacity, MEMORY, clock);
    }

    /** Delay to impose before the next attempt for {@code key}. */
    public Duration delayFor(String key) {
        int excess = failures.count(key) - failuresBeforeDelay;
        if (excess < 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(excess, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Records a failure and returns the number of recent failures for the key. */
    public int recordFailure(String key) {
        return failures.increment(key);
    }

    /** Clears the key's failures: the account's owner proved who they are. */
    public void recordSuccess(String key) {
        failures.clear(key);
    }

    /** Takes back one failure recorded in advance for an attempt that then succeeded. */
    public void refund(String key) {
        failures.decrement(key);
    }

    /** Number of keys with failures held in memory. */
    int trackedKeys() {
        return failures.size();
    }

    int capacity() {
        return failures.capacity();
    }
}
