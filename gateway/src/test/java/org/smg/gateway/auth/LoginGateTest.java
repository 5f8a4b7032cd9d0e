package org.smg.gateway.auth;

import org.smg.gateway.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smg.gateway.auth.LoginGate.Admission;

class LoginGateTest {
    private static final InetAddress ATTACKER = address("192.0.2.1");
    private static final InetAddress CITIZEN = address("198.51.100.7");

    private final MutableClock clock = new MutableClock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final LoginGate gate = new LoginGate(
        new LoginThrottle(LoginGate.FAILURES_PER_ADDRESS_BEFORE_DELAY, Duration.ofSeconds(5), clock), scheduler);

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void admitShouldAdmitAtOnceWhenTheAddressHasNoFailures() {
        CompletableFuture<Admission> admission = gate.admit(CITIZEN);

        assertThat(admission).isCompleted();
        assertThat(admission.join().admitted()).isTrue();
    }

    @Test
    void admitShouldQueueInArrivalOrderWhenTwoAttemptsOfTheAddressAreUnderWay() {
        List<CompletableFuture<Admission>> attempts = admitTimes(ATTACKER, 4);

        assertThat(attempts.subList(0, 2)).allSatisfy(attempt -> assertThat(attempt).isCompleted());
        assertThat(attempts.subList(2, 4)).allSatisfy(attempt -> assertThat(attempt).isNotDone());

        attempts.get(0).join().close();

        assertThat(attempts.get(2)).isCompleted();
        assertThat(attempts.get(3)).isNotDone();
    }

    @Test
    void admitShouldRefuseWhenTheAddressHasTooManyAttemptsUnderWay() {
        admitTimes(ATTACKER, LoginGate.PENDING_PER_ADDRESS);

        CompletableFuture<Admission> oneTooMany = gate.admit(ATTACKER);

        assertThat(oneTooMany).isCompleted();
        assertThat(oneTooMany.join().admitted()).isFalse();
        assertThat(gate.pending(ATTACKER)).isEqualTo(LoginGate.PENDING_PER_ADDRESS);
    }

    @Test
    void admitWithinShouldWaitTheDelayInsteadOfRefusingWhenTheAddressFailedTooOften() {
        for (int i = 0; i < LoginGate.FAILURES_PER_ADDRESS_BEFORE_DELAY; i++) {
            gate.admit(ATTACKER).join().close();
        }
        long started = System.nanoTime();

        Admission delayed = gate.admitWithin(ATTACKER, Duration.ofSeconds(5));

        assertThat(delayed.admitted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void admitWithinShouldRefuseAndGiveItsPlaceUpWhenItsTurnDoesNotComeInTime() {
        List<CompletableFuture<Admission>> underWay = admitTimes(ATTACKER, LoginGate.IN_FLIGHT_PER_ADDRESS);

        Admission late = gate.admitWithin(ATTACKER, Duration.ofMillis(100));

        assertThat(late.admitted()).isFalse();
        underWay.get(0).join().close();
        assertThat(gate.pending(ATTACKER)).isEqualTo(LoginGate.IN_FLIGHT_PER_ADDRESS - 1);
    }

    @Test
    void admitShouldAdmitAnotherAddressAtOnceWhenOneAddressFloods() {
        for (int i = 0; i < 100; i++) {
            gate.admit(ATTACKER).thenAccept(Admission::close);
        }
        admitTimes(ATTACKER, LoginGate.PENDING_PER_ADDRESS);

        CompletableFuture<Admission> citizen = gate.admit(CITIZEN);

        assertThat(citizen).isCompleted();
        assertThat(citizen.join().admitted()).isTrue();
    }

    @Test
    void admitShouldDelayWithoutHoldingAThreadWhenTheAddressFailedTooOften() {
        for (int i = 0; i < LoginGate.FAILURES_PER_ADDRESS_BEFORE_DELAY; i++) {
            gate.admit(ATTACKER).join().close();
        }

        long started = System.nanoTime();
        CompletableFuture<Admission> delayed = gate.admit(ATTACKER);

        assertThat(delayed).isNotDone();
        await().atMost(Duration.ofSeconds(5)).until(delayed::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(delayed.join().admitted()).isTrue();
    }

    @Test
    void succeededShouldTakeBackTheAttemptSoThatSuccessfulLoginsAreNeverDelayed() {
        for (int i = 0; i < 5 * LoginGate.FAILURES_PER_ADDRESS_BEFORE_DELAY; i++) {
            try (Admission admission = gate.admit(CITIZEN).join()) {
                admission.succeeded();
            }
        }

        assertThat(gate.admit(CITIZEN)).isCompleted();
    }

    @Test
    void closeShouldFreeThePlaceOnlyOnceWhenCalledTwice() {
        List<CompletableFuture<Admission>> attempts = admitTimes(ATTACKER, 3);

        attempts.get(0).join().close();
        attempts.get(0).join().close();

        assertThat(gate.pending(ATTACKER)).isEqualTo(2);
    }

    @Test
    void releaseShouldSkipAWaiterThatGaveUpWhenItsTurnComes() {
        List<CompletableFuture<Admission>> attempts = admitTimes(ATTACKER, 3);
        attempts.get(2).cancel(false);

        attempts.get(0).join().close();

        assertThat(gate.pending(ATTACKER)).as("only the second attempt is still under way").isEqualTo(1);
    }

    @Test
    void addressKeyShouldCountIpv6ClientsPerSlash64() {
        String one = LoginGate.addressKey(address("2001:db8:1:2:aaaa::1"));
        String other = LoginGate.addressKey(address("2001:db8:1:2:bbbb::2"));
        String elsewhere = LoginGate.addressKey(address("2001:db8:1:3::1"));

        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2::/64");
        assertThat(elsewhere).isNotEqualTo(one);
        assertThat(LoginGate.addressKey(CITIZEN)).isEqualTo("198.51.100.7");
    }

    private List<CompletableFuture<Admission>> admitTimes(InetAddress client, int times) {
        List<CompletableFuture<Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            attempts.add(gate.admit(client));
        }
        return attempts;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
