package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance criterion: messages accepted (250) while the JVM is killed with SIGKILL are all
 * delivered exactly once after restart. Messages that never got a 250 do not count, but none may
 * be delivered twice either.
 */
class CrashRecoveryIntegrationTest {
    private static final int MESSAGES = 200;
    private static final int CLIENTS = 8;
    private static final int KILL_AFTER_ACCEPTED = 120;
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path root;

    @Test
    void acceptedMailShouldBeDeliveredExactlyOnceWhenJvmIsKilledWhileAccepting() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        Sending sending = new Sending(gateway);

        sending.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> sending.accepted.size() >= KILL_AFTER_ACCEPTED || sending.finished());
        gateway.kill();
        sending.join();
        Map<String, Long> deliveries = restartAndCountDeliveries(gateway, sending.accepted);

        assertThat(sending.accepted).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
        assertDeliveredExactlyOnce(deliveries, sending.accepted);
    }

    @Test
    void acceptedMailShouldBeDeliveredExactlyOnceWhenJvmIsKilledWhileSpoolIsBusy() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        Sending sending = new Sending(gateway);

        sending.start();
        sending.join();
        gateway.kill();
        Map<String, Long> deliveries = restartAndCountDeliveries(gateway, sending.accepted);

        assertThat(sending.refused).as("replies other than 250 while the gateway was up").isEmpty();
        assertThat(sending.accepted).hasSize(MESSAGES);
        assertDeliveredExactlyOnce(deliveries, sending.accepted);
        assertThat(gateway.output()).as("some mail was in flight when the JVM died and was handed out again")
            .contains("is handed out again after an interrupted delivery");
    }

    /** Restarts on the same root, waits until the spool is empty and every accepted mail arrived; counts subjects. */
    private static Map<String, Long> restartAndCountDeliveries(GatewayProcess gateway, Set<String> accepted) throws Exception {
        gateway.start();
        try {
            await().atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(subjects(gateway)).as("delivered so far").containsAll(accepted);
                assertThat(WebAdmin.queueSize(gateway, "spool")).as("mails left in the spool").isZero();
            });
            return subjects(gateway).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            gateway.stop();
            System.out.println(gateway.output());
        }
    }

    private static void assertDeliveredExactlyOnce(Map<String, Long> deliveries, Set<String> accepted) {
        assertThat(deliveries.keySet()).containsAll(accepted);
        assertThat(deliveries).as("every delivered message exactly once")
            .allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1L));
    }

    private static List<String> subjects(GatewayProcess gateway) throws Exception {
        return MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword());
    }

    /** {@value #CLIENTS} staff-MTA connections sending msg-000 .. msg-199 to the demo user over the relay port. */
    private static final class Sending {
        private final GatewayProcess gateway;
        private final String recipient;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final Set<String> accepted = ConcurrentHashMap.newKeySet();
        private final Map<String, String> refused = new ConcurrentHashMap<>();
        private final List<Thread> clients = new ArrayList<>();

        private Sending(GatewayProcess gateway) {
            this.gateway = gateway;
            this.recipient = gateway.demoAddress();
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                Thread client = new Thread(this::send, "smtp-client-" + i);
                clients.add(client);
                running.incrementAndGet();
                client.start();
            }
        }

        boolean finished() {
            return running.get() == 0;
        }

        void join() throws InterruptedException {
            for (Thread client : clients) {
                client.join(Duration.ofMinutes(2).toMillis());
            }
        }

        private void send() {
            try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
                smtp.reply();
                smtp.command("EHLO staff-mta.test");
                for (int number = next.getAndIncrement(); number < MESSAGES; number = next.getAndIncrement()) {
                    String subject = String.format("msg-%03d", number);
                    String reply = smtp.mail("sender@staff.example", recipient, message(subject));
                    if (reply == null) {
                        return;
                    }
                    if (reply.startsWith("250")) {
                        accepted.add(subject);
                    } else {
                        refused.put(subject, reply);
                    }
                }
                smtp.command("QUIT");
            } catch (IOException connectionLost) {
                // the gateway was killed under this client: what got no 250 does not count
            } finally {
                running.decrementAndGet();
            }
        }

        private String message(String subject) {
            return "From: sender@staff.example\r\n"
                + "To: " + recipient + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + subject + "." + System.nanoTime() + "@staff.test>\r\n"
                + "\r\n"
                + "Crash recovery test message " + subject + ".\r\n";
        }
    }
}
