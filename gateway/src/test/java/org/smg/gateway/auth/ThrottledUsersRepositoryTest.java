package org.smg.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.core.Username;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottledUsersRepositoryTest {
    private static final Username ALICE = Username.of("alice");
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private ThrottledUsersRepository users;
    private ExecutorService clients;

    @BeforeEach
    void setUp() throws Exception {
        MemoryUsersRepository memory = MemoryUsersRepository.withoutVirtualHosting(new MemoryDomainList(null));
        memory.addUser(ALICE, "right password");
        users = new ThrottledUsersRepository(memory, new LoginThrottle(1, MAX_DELAY, Clock.systemUTC()));
        clients = Executors.newFixedThreadPool(3 * ThrottledUsersRepository.MAX_DELAYED_LOGINS);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void testShouldAcceptTheRightPasswordAndRefuseAWrongOne() throws Exception {
        assertThat(users.test(ALICE, "right password")).isTrue();
        assertThat(users.test(ALICE, "wrong")).isFalse();
    }

    @Test
    void testShouldFailFastInsteadOfTyingUpThreadsWhenTooManyDelayedLoginsWaitAtOnce() throws Exception {
        users.test(ALICE, "wrong");
        users.test(ALICE, "wrong");
        List<Callable<Long>> attempts = new ArrayList<>();
        for (int i = 0; i < 3 * ThrottledUsersRepository.MAX_DELAYED_LOGINS; i++) {
            attempts.add(() -> {
                long start = System.nanoTime();
                users.test(ALICE, "wrong");
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            });
        }

        List<Long> elapsed = new ArrayList<>();
        for (Future<Long> attempt : clients.invokeAll(attempts)) {
            elapsed.add(attempt.get());
        }

        long delayed = elapsed.stream().filter(millis -> millis >= 400).count();
        long immediate = elapsed.stream().filter(millis -> millis < 200).count();
        assertThat(delayed).isLessThanOrEqualTo(ThrottledUsersRepository.MAX_DELAYED_LOGINS);
        assertThat(immediate).isGreaterThanOrEqualTo(2L * ThrottledUsersRepository.MAX_DELAYED_LOGINS);
    }

    @Test
    void testShouldNotAcceptTheRightPasswordWhenRefusedWithoutChecking() throws Exception {
        users.test(ALICE, "wrong");
        users.test(ALICE, "wrong");
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 3 * ThrottledUsersRepository.MAX_DELAYED_LOGINS; i++) {
            attempts.add(() -> users.test(ALICE, "right password"));
        }

        long accepted = 0;
        for (Future<Boolean> attempt : clients.invokeAll(attempts)) {
            accepted += attempt.get() ? 1 : 0;
        }

        assertThat(accepted).isGreaterThanOrEqualTo(1L).isLessThan(attempts.size());
    }
}
