package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What James 3.8.1 would write in plain text to the JVM's temporary directory ({@code <data>/tmp}) while a message
 * is in flight: an IMAP literal over its 10 MiB in-memory limit (the frame decoder's spool), and the message an
 * APPEND or a local delivery stores. The temporary directory is watched while the bytes arrive and after.
 */
class NoPlaintextInFlightIntegrationTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void appendShouldSpoolTheLiteralEncryptedWhenItIsOverTheInMemoryLimit() throws Exception {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");
        byte[] message = messageWithAttachment(token, 10 * MIB + 64 * 1024);
        int head = message.length - MIB;
        Path temporary = gateway.dataDirectory().resolve("tmp");
        List<String> tagged;

        try (TemporaryDirectoryWatch watch = TemporaryDirectoryWatch.start(temporary, token);
             ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN " + quoted(gateway.demoAddress()) + " " + quoted(gateway.demoPassword()));
            imap.send("a2 APPEND INBOX {" + message.length + "}\r\n");
            assertThat(imap.readLine()).startsWith("+");
            imap.sendBytes(message, 0, head);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(largestFile(temporary)).as("the literal is spooled in <data>/tmp").isGreaterThan(9L * MIB));
            assertThat(PlaintextScan.forToken(token).findings(temporary)).as("the literal's spool, mid-literal").isEmpty();
            imap.sendBytes(message, head, message.length - head);
            imap.send("\r\n");
            tagged = imap.linesUntilTagged("a2");
            watch.stopAndAssertNothingFound();
        }

        assertThat(tagged.get(tagged.size() - 1)).startsWith("a2 OK");
        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
    }

    @Test
    void localDeliveryShouldLeaveNoReadableCopyWhenMessageIsOverJamesThreshold() throws Exception {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");
        byte[] message = messageWithAttachment(token, 400 * 1024);
        Path temporary = gateway.dataDirectory().resolve("tmp");

        try (TemporaryDirectoryWatch watch = TemporaryDirectoryWatch.start(temporary, token)) {
            try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
                smtp.reply();
                smtp.command("EHLO staff-mta.test");
                assertThat(smtp.mail("sender@staff.example", gateway.demoAddress(), new String(message, java.nio.charset.StandardCharsets.US_ASCII)))
                    .startsWith("250");
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                boolean delivered = MailClients.readInbox(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword(),
                    inbox -> java.util.Arrays.stream(inbox.getMessages()).anyMatch(m -> subjectOf(m).contains(token)));
                assertThat(delivered).as("delivered to the INBOX").isTrue();
            });
            watch.stopAndAssertNothingFound();
        }

        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
    }

    private static String subjectOf(javax.mail.Message message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (javax.mail.MessagingException e) {
            return "";
        }
    }

    /** A staff mail with a text attachment carrying the token on every line, {@code size} bytes or a little more. */
    private static byte[] messageWithAttachment(String token, int size) {
        StringBuilder raw = new StringBuilder()
            .append("From: <sender@staff.example>\r\n")
            .append("To: <").append(gateway.demoAddress()).append(">\r\n")
            .append("Subject: Case file ").append(token).append("\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n")
            .append("--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee the attached notes.\r\n")
            .append("--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n")
            .append("Content-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n");
        String line = "Case notes " + token + " continue on the next line of this file\r\n";
        while (raw.length() < size) {
            raw.append(line);
        }
        raw.append("--b1--\r\n");
        return raw.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static long largestFile(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).max().orElse(0);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Scans the directory over and over on its own thread, so that a plain-text file that lives briefly is seen. */
    private static final class TemporaryDirectoryWatch implements AutoCloseable {
        private final List<String> findings = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile int scans;

        private TemporaryDirectoryWatch(Path directory, String token) {
            PlaintextScan scan = PlaintextScan.forToken(token);
            thread = new Thread(() -> {
                while (running) {
                    try {
                        findings.addAll(scan.findings(directory));
                    } catch (RuntimeException e) {
                        // A file deleted while it was read: the next round reads what remains.
                    }
                    scans++;
                }
            }, "tmp-watch");
            thread.setDaemon(true);
        }

        static TemporaryDirectoryWatch start(Path directory, String token) {
            TemporaryDirectoryWatch watch = new TemporaryDirectoryWatch(directory, token);
            watch.thread.start();
            return watch;
        }

        void stopAndAssertNothingFound() throws InterruptedException {
            close();
            assertThat(scans).as("rounds of the watch").isPositive();
            assertThat(findings).as("plain text seen in <data>/tmp while the message was in flight").isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
