package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flood of logins with random names from one address (127.0.0.2, or 127.0.0.3 on the web) neither locks out nor
 * starves a citizen logging in from another address (127.0.0.1): the flooding address is limited before any
 * password is hashed, and the citizen's check queues behind at most a couple of the flood's. On the web, the
 * flooding address is answered 429 with a message that says why.
 */
class LoginFloodIntegrationTest {
    private static final String ATTACKER = "127.0.0.2";
    private static final String CITIZEN = "127.0.0.1";
    /** The web flood comes from its own address, so the IMAP and SMTP floods' failures do not count for it. */
    private static final String WEB_ATTACKER = "127.0.0.3";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?im)^set-cookie: (__Host-smg=[^;]+)");
    private final AtomicReference<String> throttledPage = new AtomicReference<>();
    /** More than LoginGate's 8 attempts under way per address, so the flood also meets refusals. */
    private static final int FLOODING_CONNECTIONS = 10;
    /**
     * The citizen's check queues behind at most two of the flood's, so on an idle two-core machine
     * the login takes a second or two; the bound leaves room for a machine busy with other builds.
     */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
            .with("limits.auth.maxDelay", "2s");

    @Test
    void imapLoginShouldSucceedFromAnotherAddressWhileOneAddressFloodsRandomNames() throws Exception {
        // The first login provisions the mailboxes and warms the JIT up: not what is measured here.
        assertThat(imapLogin(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("a1 OK");
        Duration quiet = timed(() -> assertThat(imapLogin(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("a1 OK"));
        try (Flood flood = new Flood(this::imapGuesses)) {
            awaitRefusals(flood);

            Duration duringFlood = timed(() ->
                assertThat(imapLogin(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("a1 OK"));

            assertThat(duringFlood).as("citizen's login during the flood, %s without it", quiet).isLessThan(FEW_SECONDS);
            assertThat(flood.refused.get()).as("flood attempts answered as failures").isPositive();
            assertThat(flood.accepted.get()).as("flood attempts accepted").isZero();
        }
    }

    @Test
    void smtpAuthShouldSucceedFromAnotherAddressWhileOneAddressFloodsRandomNames() throws Exception {
        assertThat(smtpAuth(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("235");
        Duration quiet = timed(() -> assertThat(smtpAuth(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("235"));
        try (Flood flood = new Flood(this::smtpGuesses)) {
            awaitRefusals(flood);

            Duration duringFlood = timed(() ->
                assertThat(smtpAuth(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("235"));

            assertThat(duringFlood).as("citizen's AUTH during the flood, %s without it", quiet).isLessThan(FEW_SECONDS);
            assertThat(flood.accepted.get()).as("flood attempts accepted").isZero();
        }
    }

    @Test
    void webSignInShouldAnswer429WithAClearMessageToAFloodingAddressAndStillLetACitizenIn() throws Exception {
        assertThat(webSignIn(CITIZEN, gateway.demoAddress(), gateway.demoPassword())).startsWith("HTTP/1.1 303");
        String duringFlood;
        try (Flood flood = new Flood(this::webGuesses)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> throttledPage.get() != null);

            duringFlood = webSignIn(CITIZEN, gateway.demoAddress(), gateway.demoPassword());

            assertThat(flood.accepted.get()).as("flood sign-ins accepted").isZero();
        }
        assertThat(throttledPage.get()).startsWith("HTTP/1.1 429")
            .contains("Too many sign-in attempts from your network are under way. Wait a minute, then try again.")
            .contains("role=\"alert\"");
        assertThat(duringFlood).as("a citizen from another address").startsWith("HTTP/1.1 303");
    }

    /** One flooding browser: the sign-in page for a token, then a guess; a 429 page is kept for the assertions. */
    private void webGuesses(Flood flood) throws IOException {
        String reply = webSignIn(WEB_ATTACKER, randomName(), "guess");
        if (reply.startsWith("HTTP/1.1 429")) {
            throttledPage.compareAndSet(null, reply);
        }
        flood.count(reply, "HTTP/1.1 200", "HTTP/1.1 429", "HTTP/1.1 303");
    }

    /** A sign-in over HTTPS from {@code from}: the form's page, then its POST; the POST's whole answer. */
    private static String webSignIn(String from, String address, String password) throws IOException {
        String form = https(from, "GET /signin HTTP/1.1\r\nHost: gateway.localhost\r\nConnection: close\r\n\r\n");
        Matcher token = CSRF.matcher(form);
        Matcher cookie = COOKIE.matcher(form);
        if (!token.find() || !cookie.find()) {
            throw new IOException("no sign-in form: " + form.lines().findFirst().orElse(""));
        }
        String body = "csrf=" + token.group(1) + "&address=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return https(from, "POST /signin HTTP/1.1\r\nHost: gateway.localhost\r\nConnection: close\r\nCookie: " + cookie.group(1)
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    private static String https(String from, String request) throws IOException {
        try (Socket socket = TrustAll.connectFrom(from, gateway.webPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits until the gate refuses the flooding address unchecked, i.e. it holds all the places it may. */
    private static void awaitRefusals(Flood flood) {
        await().atMost(Duration.ofSeconds(30)).until(() -> refusals() > flood.refusalsBefore);
        assertThat(flood.failedConnections.get()).as("flood connections that broke").isZero();
    }

    private static long refusals() {
        return gateway.output().lines().filter(line -> line.contains("Login refused unchecked for address " + ATTACKER)).count();
    }

    /** One flooding connection: LOGIN with random names until James hangs up after three failures. */
    private void imapGuesses(Flood flood) throws IOException {
        try (ImapConversation imap = ImapConversation.openTlsFrom(ATTACKER, gateway.imapsPort())) {
            for (int attempt = 0; attempt < 3 && flood.running.get(); attempt++) {
                List<String> reply = imap.command("g" + attempt, "LOGIN " + randomName() + " guess");
                if (reply.isEmpty()) {
                    return;
                }
                String last = reply.get(reply.size() - 1);
                // James answers a third failure on one connection with BYE instead of a tagged NO.
                flood.count(last.startsWith("* BYE") ? "failed" : last, "g" + attempt + " NO LOGIN failed", "failed", "g" + attempt + " OK");
            }
        }
    }

    private void smtpGuesses(Flood flood) throws IOException {
        try (SmtpConversation smtp = SmtpConversation.openFrom(ATTACKER, gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO flood.example");
            smtp.startTls();
            smtp.command("EHLO flood.example");
            for (int attempt = 0; attempt < 5 && flood.running.get(); attempt++) {
                String reply = smtp.authPlain(randomName(), "guess");
                if (reply == null) {
                    return;
                }
                flood.count(reply, "535 5.7.8", "535 5.7.8", "235");
            }
        }
    }

    private static String imapLogin(String from, String account, String password) throws IOException {
        try (ImapConversation imap = ImapConversation.openTlsFrom(from, gateway.imapsPort())) {
            List<String> reply = imap.command("a1", "LOGIN " + account + " " + password);
            return reply.get(reply.size() - 1);
        }
    }

    private static String smtpAuth(String from, String account, String password) throws IOException {
        try (SmtpConversation smtp = SmtpConversation.openFrom(from, gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO citizen.example");
            smtp.startTls();
            smtp.command("EHLO citizen.example");
            return smtp.authPlain(account, password);
        }
    }

    private static Duration timed(Step step) throws IOException {
        long started = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String randomName() {
        return "guess-" + UUID.randomUUID().toString().substring(0, 12) + "@gateway.localhost";
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface Guesses {
        void run(Flood flood) throws IOException;
    }

    /** Connections from the attacker's address, each guessing in a loop until closed. */
    private static final class Flood implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger failedConnections = new AtomicInteger();
        private final ExecutorService threads = Executors.newFixedThreadPool(FLOODING_CONNECTIONS);
        private final List<String> unexpected = new ArrayList<>();
        private final long refusalsBefore = refusals();

        Flood(Guesses guesses) {
            for (int i = 0; i < FLOODING_CONNECTIONS; i++) {
                threads.execute(() -> {
                    while (running.get()) {
                        try {
                            guesses.run(this);
                        } catch (IOException e) {
                            if (running.get()) {
                                failedConnections.incrementAndGet();
                            }
                        }
                    }
                });
            }
        }

        void count(String reply, String failure, String otherFailure, String success) {
            if (reply.startsWith(failure) || reply.startsWith(otherFailure)) {
                refused.incrementAndGet();
            } else if (reply.startsWith(success)) {
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
