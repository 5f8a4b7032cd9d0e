package org.smg.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottledUsersRepositoryTest {
    private static final Username ALICE = Username.of("alice");
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** Cheap for the logic tests; the timing test uses the configured algorithm. */
    private static final String FAST_HASH = "PBKDF2-SHA512-10-512";

    private MemoryUsersRepository memory;
    private ExecutorService clients;

    @BeforeEach
    void setUp() throws Exception {
        memory = MemoryUsersRepository.withoutVirtualHosting(new MemoryDomainList(null));
        memory.addUser(ALICE, "right password");
        clients = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void testShouldAcceptTheRightPasswordAndRefuseAWrongOne() throws Exception {
        ThrottledUsersRepository users = throttled(new PasswordHashing(FAST_HASH));

        assertThat(users.test(ALICE, "right password")).isTrue();
        assertThat(users.test(ALICE, "wrong")).isFalse();
    }

    @Test
    void testShouldHashTheDecoyWhenTheAccountIsUnknown() throws Exception {
        ProbeHashing hashing = new ProbeHashing(Duration.ZERO);
        ThrottledUsersRepository users = throttled(hashing);

        boolean accepted = users.test(Username.of("nobody"), "any password");

        assertThat(accepted).isFalse();
        assertThat(hashing.concurrentChecks).hasSize(1);
    }

    @Test
    void testShouldCheckEveryDelayedLoginInsteadOfRefusingItUnchecked() throws Exception {
        ThrottledUsersRepository users = throttled(new PasswordHashing(FAST_HASH));
        users.test(ALICE, "wrong");
        users.test(ALICE, "wrong");
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(() -> users.test(ALICE, "right password"));
        }

        long accepted = 0;
        for (Future<Boolean> attempt : clients.invokeAll(attempts)) {
            accepted += attempt.get() ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(attempts.size());
    }

    @Test
    void testShouldHashOnePasswordAtATimeWhenManyLoginsArrive() throws Exception {
        ProbeHashing hashing = new ProbeHashing(Duration.ofMillis(50));
        ThrottledUsersRepository users = new ThrottledUsersRepository(memory,
            new LoginThrottle(100, MAX_DELAY, Clock.systemUTC()), hashing);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Username unknown = Username.of("guess-" + i);
            attempts.add(() -> users.test(unknown, "any password"));
        }

        clients.invokeAll(attempts);

        assertThat(hashing.concurrentChecks).hasSize(8).allSatisfy(concurrent -> assertThat(concurrent).isEqualTo(1));
    }

    @Test
    void testShouldRefuseTheAccountPasswordButAcceptAnAppPasswordWhenTheAccountHasASecondFactor() throws Exception {
        ThrottledUsersRepository users = new ThrottledUsersRepository(memory, new LoginThrottle(10, MAX_DELAY, Clock.systemUTC()),
            new PasswordHashing(FAST_HASH), new SecondFactorOf("alice", "app-password"));

        assertThat(users.test(ALICE, "right password")).isFalse();
        assertThat(users.test(ALICE, "app-password")).isTrue();
        assertThat(users.testAccountPassword(ALICE, "right password")).isTrue();
        assertThat(users.testAccountPassword(ALICE, "app-password")).isFalse();
        assertThat(ThrottledUsersRepository.accountPassword(users, ALICE, "right password")).isTrue();
    }

    @Test
    void testShouldAcceptBothTheAccountPasswordAndAnAppPasswordWhenTheAccountHasNoSecondFactor() throws Exception {
        ThrottledUsersRepository users = new ThrottledUsersRepository(memory, new LoginThrottle(10, MAX_DELAY, Clock.systemUTC()),
            new PasswordHashing(FAST_HASH), new SecondFactorOf("bob", "app-password"));

        assertThat(users.test(ALICE, "right password")).isTrue();
    }

    /** One account with a second factor and one app password (for every account). */
    private record SecondFactorOf(String enrolled, String appPassword) implements ProtocolPasswords {
        @Override
        public boolean accountPasswordRefused(String account) {
            return account.equals(enrolled);
        }

        @Override
        public boolean appPasswordMatches(String account, String password) {
            return password.equals(appPassword);
        }
    }

    private ThrottledUsersRepository throttled(PasswordHashing hashing) {
        return new ThrottledUsersRepository(memory, new LoginThrottle(1, MAX_DELAY, Clock.systemUTC()), hashing);
    }

    /** Counts decoy checks and how many run at once; each takes a while, as a real hash does. */
    private static class ProbeHashing extends PasswordHashing {
        private final Duration cost;
        private final AtomicInteger running = new AtomicInteger();
        private final List<Integer> concurrentChecks = Collections.synchronizedList(new ArrayList<>());

        ProbeHashing(Duration cost) {
            super(FAST_HASH);
            this.cost = cost;
        }

        @Override
        boolean checkDecoy(String password) {
            concurrentChecks.add(running.incrementAndGet());
            try {
                Thread.sleep(cost.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return super.checkDecoy(password);
        }
    }
}
