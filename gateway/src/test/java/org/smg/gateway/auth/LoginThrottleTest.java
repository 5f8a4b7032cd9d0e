package org.smg.gateway.auth;

import org.smg.gateway.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final String ACCOUNT = "demo@gateway.localhost";

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(5), clock);

    @Test
    void delayShouldBeZeroWhenFailuresAreBelowThreshold() {
        fail(ACCOUNT, 2);

        Duration delay = throttle.delayFor(ACCOUNT);

        assertThat(delay).isZero();
    }

    @Test
    void delayShouldStartAtHalfASecondAndDoubleWhenFailuresReachThreshold() {
        List<Duration> delays = new ArrayList<>();

        for (int failure = 1; failure <= 5; failure++) {
            throttle.recordFailure(ACCOUNT);
            delays.add(throttle.delayFor(ACCOUNT));
        }

        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO,
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void delayShouldStayAtMaxDelayWhenFailuresKeepComing() {
        fail(ACCOUNT, 1000);

        Duration delay = throttle.delayFor(ACCOUNT);

        assertThat(delay).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void delayShouldBeZeroWhenMaxDelayIsZero() {
        LoginThrottle unthrottled = new LoginThrottle(1, Duration.ZERO, clock);
        for (int failure = 0; failure < 10; failure++) {
            unthrottled.recordFailure(ACCOUNT);
        }

        Duration delay = unthrottled.delayFor(ACCOUNT);

        assertThat(delay).isZero();
    }

    @Test
    void recordFailureShouldCountRecentFailures() {
        List<Integer> counts = new ArrayList<>();

        for (int failure = 0; failure < 3; failure++) {
            counts.add(throttle.recordFailure(ACCOUNT));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(counts).containsExactly(1, 2, 3);
    }

    @Test
    void delayShouldBeZeroWhenLoginSucceeded() {
        fail(ACCOUNT, 5);

        throttle.recordSuccess(ACCOUNT);

        assertThat(throttle.delayFor(ACCOUNT)).isZero();
        assertThat(throttle.recordFailure(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void failuresShouldBeForgottenWhenQuietForLongerThanMemory() {
        fail(ACCOUNT, 5);

        clock.advance(LoginThrottle.MEMORY.plusMillis(1));

        assertThat(throttle.delayFor(ACCOUNT)).isZero();
        assertThat(throttle.recordFailure(ACCOUNT)).isEqualTo(1);
    }

    @Test
    void failuresShouldBeRememberedWhenQuietForExactlyMemory() {
        fail(ACCOUNT, 5);

        clock.advance(LoginThrottle.MEMORY);

        assertThat(throttle.delayFor(ACCOUNT)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delayShouldBeZeroWhenFailuresWereForAnotherAccount() {
        fail("other@gateway.localhost", 10);

        Duration delay = throttle.delayFor(ACCOUNT);

        assertThat(delay).isZero();
    }

    @Test
    void staleAccountsShouldBeDroppedWhenFailuresForNewNamesKeepComing() {
        for (int i = 0; i < 10_000; i++) {
            throttle.recordFailure("guess-" + i + "@gateway.localhost");
        }

        clock.advance(LoginThrottle.MEMORY.plusMinutes(1));
        throttle.recordFailure(ACCOUNT);

        assertThat(throttle.trackedKeys()).as("accounts still held in memory").isEqualTo(1);
    }

    @Test
    void memoryShouldStayBoundedAndARealAccountStillCountedWhenFloodedWith100000RandomNames() {
        LoginThrottle small = new LoginThrottle(3, Duration.ofSeconds(5), clock, 4096);
        fail(small, ACCOUNT, 5);
        Random random = new Random(42);

        for (int i = 0; i < 100_000; i++) {
            small.recordFailure(Long.toHexString(random.nextLong()) + "@gateway.localhost");
        }
        int afterFlood = small.recordFailure(ACCOUNT);

        assertThat(small.trackedKeys()).isLessThanOrEqualTo(small.capacity()).isEqualTo(4096);
        assertThat(afterFlood).as("the real account's own count, kept through the flood").isEqualTo(6);
        assertThat(small.delayFor(ACCOUNT)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void delayShouldBeZeroForAnAccountWithoutFailuresWhenFloodedWith100000RandomNames() {
        LoginThrottle small = new LoginThrottle(3, Duration.ofSeconds(5), clock, 4096);
        Random random = new Random(7);

        for (int i = 0; i < 100_000; i++) {
            small.recordFailure(Long.toHexString(random.nextLong()) + "@gateway.localhost");
        }

        assertThat(small.delayFor(ACCOUNT)).as("random names never add up to a real account's count").isZero();
    }

    @Test
    void refundShouldTakeBackOneFailure() {
        fail(ACCOUNT, 4);

        throttle.refund(ACCOUNT);

        assertThat(throttle.recordFailure(ACCOUNT)).isEqualTo(4);
    }

    private void fail(String account, int times) {
        fail(throttle, account, times);
    }

    private static void fail(LoginThrottle throttle, String account, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account);
        }
    }
}
