package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Large messages stream from SMTP DATA through the queue, the attachment inspection and the mailbox
 * to an IMAP FETCH: two messages with a 40 MB attachment each (56 MB once base64 encoded), sent at
 * once, reach the INBOX of a gateway with a 160 MB heap and come back byte for byte. James's own JPA
 * mailbox, which reads each body into a {@code byte[]} at twice its size, would need over 200 MB for
 * the two deliveries alone. The gateway runs with {@code -XX:+ExitOnOutOfMemoryError}: running out
 * of heap ends the test.
 */
class LargeMessageIntegrationTest {
    private static final int ATTACHMENT_BYTES = 40 * 1024 * 1024;
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().withHeap("160m");

    @Test
    void largeAttachmentsShouldReachTheInboxAndComeBackWhenTwoArriveAtOnceOnASmallHeap() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Future<String>> sent = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            int messageSeed = seed;
            sent.add(senders.submit(() -> relay(messageSeed)));
        }
        List<String> sentDigests = new ArrayList<>();
        for (Future<String> digest : sent) {
            try {
                sentDigests.add(digest.get());
            } catch (ExecutionException e) {
                throw new AssertionError("sending failed; the gateway said:\n" + lastLines(gateway.output(), 60), e);
            }
        }
        senders.shutdown();

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .until(() -> inboxCount() == 2);
        List<String> fetchedDigests = List.of(fetchedBodyDigest(1), fetchedBodyDigest(2));

        assertThat(fetchedDigests).containsExactlyInAnyOrderElementsOf(sentDigests);
        assertThat(gateway.output()).doesNotContain("OutOfMemoryError");
    }

    /** Sends one message through the relay port and returns the SHA-256 of its body (what BODY[TEXT] must give back). */
    private static String relay(int seed) throws IOException, NoSuchAlgorithmException {
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
            writeBase64Text(body, seed, ATTACHMENT_BYTES);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(smtp.reply()).startsWith("250");
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** {@code bytes} of pseudo-random words (a plain text file by its content), base64 in lines of 76 characters. */
    private static void writeBase64Text(OutputStream out, int seed, int bytes) throws IOException {
        Random random = new Random(seed);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] line = new byte[57];
        for (int written = 0; written < bytes; written += line.length) {
            for (int i = 0; i < line.length; i++) {
                int letter = random.nextInt(28);
                line[i] = (byte) (letter == 26 ? ' ' : letter == 27 ? '\n' : 'a' + letter);
            }
            out.write(encoder.encode(line));
            out.write('\r');
            out.write('\n');
        }
    }

    private static int inboxCount() throws IOException {
        try (ImapConversation imap = loggedIn()) {
            String status = imap.command("s", "STATUS INBOX (MESSAGES)").get(0);
            Matcher messages = Pattern.compile("MESSAGES (\\d+)").matcher(status);
            return messages.find() ? Integer.parseInt(messages.group(1)) : -1;
        }
    }

    /** SHA-256 of BODY[TEXT] of message {@code number}, read from the wire without holding it. */
    private static String fetchedBodyDigest(int number) throws IOException, NoSuchAlgorithmException {
        try (ImapConversation imap = loggedIn()) {
            assertThat(imap.command("e", "EXAMINE INBOX")).last().asString().startsWith("e OK");
            imap.send("f FETCH " + number + " (BODY.PEEK[TEXT])\r\n");
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
