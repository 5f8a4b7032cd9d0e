package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SMTP AUTH waits its turn at the login gate, and the wait holds no I/O thread: SMTP commands run
 * on threads of their own, so a held AUTH, or a distributed flood of them, does not delay the
 * other connections' commands, and a delayed AUTH gets its real answer. STARTTLS still switches
 * to TLS before any further byte is read as a command.
 */
class SmtpCommandThreadsIntegrationTest {
    private static final String CITIZEN = "127.0.0.1";
    /** Four connections from each of five addresses: more than the gate lets one address check at once. */
    private static final int FLOODING_ADDRESSES = 5;
    private static final int CONNECTIONS_PER_ADDRESS = 4;
    /** LoginGate's failures of an address before its attempts are delayed. */
    private static final int FAILURES_BEFORE_DELAY = 10;
    /** A command that needs no password check: answered at once, with room for a machine busy with builds. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    /**
     * The citizen's check queues behind at most two of each flooding address's (about 0.2 s of one
     * core each, ten in all); the bound leaves room for a machine busy with other builds.
     */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
            .with("limits.auth.maxDelay", "4s");

    @Test
    void citizenShouldSubmitPromptlyWhileManyAddressesFloodAuthWithRandomNames() throws Exception {
        // The first login warms the JIT up: not what is measured here.
        try (SmtpConversation warmUp = encryptedSession(CITIZEN)) {
            assertThat(warmUp.authPlain(gateway.demoAddress(), gateway.demoPassword())).startsWith("235");
        }
        try (Flood flood = new Flood()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> flood.failed.get() >= FLOODING_ADDRESSES * CONNECTIONS_PER_ADDRESS);

            try (SmtpConversation citizen = SmtpConversation.openFrom(CITIZEN, gateway.submissionPort())) {
                Timed<String> greeting = Timed.of(citizen::reply);
                Timed<String> ehlo = Timed.of(() -> citizen.command("EHLO citizen.example"));
                citizen.startTls();
                citizen.command("EHLO citizen.example");
                Timed<String> auth = Timed.of(() -> citizen.authPlain(gateway.demoAddress(), gateway.demoPassword()));
                Timed<String> mail = Timed.of(() -> citizen.command("MAIL FROM:<" + gateway.demoAddress() + ">"));

                assertThat(greeting.reply()).startsWith("220");
                assertThat(greeting.took()).as("greeting during the flood").isLessThan(AT_ONCE);
                assertThat(ehlo.reply()).startsWith("250");
                assertThat(ehlo.took()).as("EHLO during the flood").isLessThan(AT_ONCE);
                assertThat(auth.reply()).startsWith("235");
                assertThat(auth.took()).as("AUTH during the flood").isLessThan(FEW_SECONDS);
                assertThat(mail.reply()).startsWith("250");
                assertThat(mail.took()).as("MAIL during the flood").isLessThan(AT_ONCE);
            }
            assertThat(flood.accepted.get()).as("flood attempts accepted").isZero();
            assertThat(flood.brokenConnections.get()).as("flood connections that broke").isZero();
        }
    }

    @Test
    void otherConnectionsShouldBeAnsweredAtOnceWhileAnAuthIsHeldBack() throws Exception {
        String held = "127.0.0.20";
        try (SmtpConversation waiting = encryptedSession(held)) {
            failTimes(waiting, FAILURES_BEFORE_DELAY + 3);
            // The gate now holds this address's next attempt back for four seconds (0.5 s doubled three times).
            CompletableFuture<Timed<String>> heldAuth = CompletableFuture.supplyAsync(() ->
                Timed.ofUnchecked(() -> waiting.authPlain(randomName(), "guess")));

            // More connections than Netty has I/O threads (twice the cores), so one shares the held connection's.
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 1; i++) {
                try (SmtpConversation other = SmtpConversation.openFrom(CITIZEN, gateway.submissionPort())) {
                    Timed<String> greeting = Timed.of(other::reply);
                    Timed<String> ehlo = Timed.of(() -> other.command("EHLO other.example"));

                    assertThat(greeting.reply()).startsWith("220");
                    assertThat(ehlo.reply()).startsWith("250");
                    assertThat(greeting.took().plus(ehlo.took())).as("greeting and EHLO while an AUTH is held").isLessThan(AT_ONCE);
                }
            }
            assertThat(heldAuth).as("the held AUTH, still waiting").isNotDone();
            Timed<String> answer = heldAuth.get(30, TimeUnit.SECONDS);
            assertThat(answer.reply()).startsWith("535 5.7.8");
            assertThat(answer.took()).as("the held AUTH's wait").isGreaterThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void authShouldSucceedAfterTheDelayWhenTheAddressHasRecentFailures() throws Exception {
        String clumsy = "127.0.0.30";
        try (SmtpConversation smtp = encryptedSession(clumsy)) {
            failTimes(smtp, FAILURES_BEFORE_DELAY);

            Timed<String> auth = Timed.of(() -> smtp.authPlain(gateway.demoAddress(), gateway.demoPassword()));

            assertThat(auth.reply()).startsWith("235");
            assertThat(auth.took()).as("the delayed AUTH's wait").isGreaterThan(Duration.ofMillis(400));
        }
    }

    @Test
    void plaintextSentRightAfterStartTlsShouldNeverBeExecuted() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.openFrom(CITIZEN, gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.example");

            smtp.send("STARTTLS\r\n");
            smtp.send("RSET\r\n");
            List<String> replies = new ArrayList<>();
            for (String reply = smtp.reply(); reply != null; reply = smtp.reply()) {
                replies.add(reply);
            }

            // Refused as injected by James's decoder, or read as a broken TLS record: either way the connection ends.
            assertThat(replies).noneMatch(reply -> reply.startsWith("250"));
        }
    }

    /** Submission session from {@code from}, greeted, after STARTTLS and a second EHLO: ready for AUTH. */
    private static SmtpConversation encryptedSession(String from) throws IOException {
        SmtpConversation smtp = SmtpConversation.openFrom(from, gateway.submissionPort());
        smtp.reply();
        smtp.command("EHLO client.example");
        assertThat(smtp.startTls()).startsWith("220");
        smtp.command("EHLO client.example");
        return smtp;
    }

    private static void failTimes(SmtpConversation smtp, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            assertThat(smtp.authPlain(randomName(), "guess")).startsWith("535 5.7.8");
        }
    }

    private static String randomName() {
        return "guess-" + UUID.randomUUID().toString().substring(0, 12) + "@gateway.localhost";
    }

    /** A reply and how long it took to come. */
    private record Timed<T>(T reply, Duration took) {
        static <T> Timed<T> of(Step<T> step) throws IOException {
            long started = System.nanoTime();
            T reply = step.run();
            return new Timed<>(reply, Duration.ofNanos(System.nanoTime() - started));
        }

        static <T> Timed<T> ofUnchecked(Step<T> step) {
            try {
                return of(step);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    /** Connections from 127.0.0.2 onwards, each sending AUTH with random names and a wrong password in a loop. */
    private static final class Flood implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger brokenConnections = new AtomicInteger();
        private final List<String> unexpected = new ArrayList<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(FLOODING_ADDRESSES * CONNECTIONS_PER_ADDRESS);

        Flood() {
            for (int address = 0; address < FLOODING_ADDRESSES; address++) {
                String from = "127.0.0." + (2 + address);
                for (int connection = 0; connection < CONNECTIONS_PER_ADDRESS; connection++) {
                    threads.execute(() -> guess(from));
                }
            }
        }

        private void guess(String from) {
            try (SmtpConversation smtp = encryptedSession(from)) {
                while (running.get()) {
                    String reply = smtp.authPlain(randomName(), "guess");
                    if (reply == null) {
                        return;
                    }
                    count(reply);
                }
            } catch (IOException | AssertionError e) {
                if (running.get()) {
                    brokenConnections.incrementAndGet();
                }
            }
        }

        private void count(String reply) {
            if (reply.startsWith("535 5.7.8")) {
                failed.incrementAndGet();
            } else if (reply.startsWith("235")) {
                accepted.incrementAndGet();
            } else {
                synchronized (unexpected) {
                    unexpected.add(reply);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            if (!threads.awaitTermination(40, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
            synchronized (unexpected) {
                assertThat(unexpected).as("flood replies other than the wrong-password answer").isEmpty();
            }
        }
    }
}
