package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Large messages stream from SMTP DATA through the queue, the attachment inspection and the mailbox
 * to an IMAP FETCH: two messages with a 40 MB attachment each (56 MB once base64 encoded), sent at
 * once, reach the INBOX of a gateway with a 160 MB heap and come back byte for byte. James's own JPA
 * mailbox, which reads each body into a {@code byte[]} at twice its size, would need over 200 MB for
 * the two deliveries alone. Both attachments are then downloaded at once as a mail client does
 * ({@code BODY[2]}), which James's FETCH would also copy into a {@code byte[]} each. The gateway runs with {@code -XX:+ExitOnOutOfMemoryError}: running out
 * of heap ends the test.
 */
class LargeMessageIntegrationTest {
    private static final int ATTACHMENT_BYTES = 40 * 1024 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().withHeap("160m");

    @Test
    void largeAttachmentsShouldReachTheInboxAndComeBackWhenTwoArriveAtOnceOnASmallHeap() throws Exception {
        List<Sent> sent = inParallel(List.of(() -> relay(1), () -> relay(2)), "sending");

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .until(() -> inboxCount() == 2);
        List<String> fetchedBodies = List.of(fetchedDigest(1, "BODY.PEEK[TEXT]"), fetchedDigest(2, "BODY.PEEK[TEXT]"));
        // What a mail client does to download one attachment, for both messages at once: each section is larger
        // than a third of the heap, and James's own FETCH would copy each into a byte[].
        List<String> fetchedAttachments = inParallel(
            List.of(() -> fetchedDigest(1, "BODY.PEEK[2]"), () -> fetchedDigest(2, "BODY[2]")), "fetching the attachments");

        assertThat(fetchedBodies).containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::body).toList());
        assertThat(fetchedAttachments).containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::attachment).toList());
        assertThat(gateway.output()).doesNotContain("OutOfMemoryError");
    }

    @Test
    void encryptedSpoolShouldBeDeletedWhenTheClientDisconnectsInTheMiddleOfData() throws Exception {
        Path temporary = gateway.dataDirectory().resolve("tmp");
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            assertThat(smtp.command("MAIL FROM:<clerk@staff.example>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + gateway.demoAddress() + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            smtp.send("From: clerk@staff.example\r\nTo: " + gateway.demoAddress() + "\r\nSubject: cut off\r\n\r\nThe first lines of a message");
            smtp.send(" that never ends.\r\n".repeat(1000));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dataSpools(temporary) > 0);
        }

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dataSpools(temporary)).isZero());
    }

    /** The number of DATA spools (EncryptedDataSpool's files) in the gateway's temporary directory. */
    private static long dataSpools(Path temporary) throws IOException {
        try (Stream<Path> files = Files.list(temporary)) {
            return files.filter(file -> file.getFileName().toString().startsWith("smtp-data-")).count();
        }
    }

    /** SHA-256 of what was sent: the body (BODY[TEXT]) and the attachment's section as it is on the wire (BODY[2]). */
    private record Sent(String body, String attachment) {
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks, String what) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : threads.invokeAll(tasks)) {
                try {
                    results.add(result.get());
                } catch (ExecutionException e) {
                    throw new AssertionError(what + " failed; the gateway said:\n" + lastLines(gateway.output(), 60), e);
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends one message through the relay port; returns what BODY[TEXT] and BODY[2] must give back. */
    private static Sent relay(int seed) throws IOException, NoSuchAlgorithmException {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.withReplyTimeout(Duration.ofMinutes(2));
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");
            assertThat(smtp.command("MAIL FROM:<clerk@staff.example>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + gateway.demoAddress() + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            OutputStream out = new BufferedOutputStream(smtp.outputStream(), 64 * 1024);
            String boundary = "b-" + UUID.randomUUID();
            out.write(("From: clerk@staff.example\r\nTo: " + gateway.demoAddress() + "\r\nSubject: large " + seed
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            OutputStream body = new DigestOutputStream(out, digest);
            body.write(("--" + boundary + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThe register, as agreed.\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; name=\"register.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"register.txt\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            MessageDigest attachment = MessageDigest.getInstance("SHA-256");
            writeBase64Text(body, seed, ATTACHMENT_BYTES, attachment);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(smtp.reply()).startsWith("250");
            return new Sent(HexFormat.of().formatHex(digest.digest()), HexFormat.of().formatHex(attachment.digest()));
        }
    }

    /**
     * {@code bytes} of pseudo-random words (a plain text file by its content), base64 in lines of 76 characters;
     * {@code section} sees the lines without the last line break, which belongs to the boundary that follows.
     */
    private static void writeBase64Text(OutputStream out, int seed, int bytes, MessageDigest section) throws IOException {
        Random random = new Random(seed);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] line = new byte[57];
        for (int written = 0; written < bytes; written += line.length) {
            for (int i = 0; i < line.length; i++) {
                int letter = random.nextInt(28);
                line[i] = (byte) (letter == 26 ? ' ' : letter == 27 ? '\n' : 'a' + letter);
            }
            byte[] encoded = encoder.encode(line);
            if (written > 0) {
                section.update(CRLF);
            }
            section.update(encoded);
            out.write(encoded);
            out.write(CRLF);
        }
    }

    private static int inboxCount() throws IOException {
        try (ImapConversation imap = loggedIn()) {
            String status = imap.command("s", "STATUS INBOX (MESSAGES)").get(0);
            Matcher messages = Pattern.compile("MESSAGES (\\d+)").matcher(status);
            return messages.find() ? Integer.parseInt(messages.group(1)) : -1;
        }
    }

    /** SHA-256 of {@code item} (a section) of message {@code number}, read from the wire without holding it. */
    private static String fetchedDigest(int number, String item) throws IOException, NoSuchAlgorithmException {
        try (ImapConversation imap = loggedIn()) {
            assertThat(imap.command("e", "EXAMINE INBOX")).last().asString().startsWith("e OK");
            imap.send("f FETCH " + number + " (" + item + ")\r\n");
            String line = imap.readLine();
            Matcher literal = LITERAL.matcher(line);
            assertThat(literal.find()).as("a literal in %s", line).isTrue();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            imap.readBytes(Long.parseLong(literal.group(1)), digest);
            assertThat(imap.linesUntilTagged("f")).last().asString().startsWith("f OK");
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static String lastLines(String output, int count) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static ImapConversation loggedIn() throws IOException {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("l", "LOGIN \"" + gateway.demoAddress() + "\" \"" + gateway.demoPassword() + "\""))
            .last().asString().startsWith("l OK");
        return imap;
    }
}
