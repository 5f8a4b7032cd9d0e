package org.smg.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends N messages of about S bytes over plain SMTP with C concurrent clients. Each client keeps one
 * connection and sends one message after the other on it (EHLO once, then MAIL/RCPT/DATA), taking
 * the next message number from a shared counter, as a busy relay client would. The body is the
 * same pseudo-random text for every run, so both servers receive exactly the same bytes.
 * A temporary refusal (4xx) is retried like a sending MTA would, after RSET and a pause, and
 * counted, because a server that defers mail under load is part of what we measure. Any other
 * unexpected reply aborts the run with the server's words.
 */
final class SmtpLoad {
    private static final String SENDER = "bench@staff.example";
    private static final int SOCKET_TIMEOUT_MILLIS = 120_000;
    /** Real MTAs wait minutes between tries; a benchmark cannot, so this is a lenient bound. */
    private static final int MAX_ATTEMPTS = 10;
    private static final long RETRY_PAUSE_MILLIS = 1000;

    private final int messages;
    private final int clients;
    private final byte[] body;

    SmtpLoad(int messages, int clients, int size) {
        this.messages = messages;
        this.clients = clients;
        this.body = body(size);
    }

    /**
     * Sends every message to {@code recipient}; returns when the server has accepted them all
     * (250 after DATA), with the number of temporary refusals that had to be retried.
     */
    int run(int port, String recipient) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger deferrals = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                results.add(pool.submit(() -> {
                    send(port, recipient, next, deferrals);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            return deferrals.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(int port, String recipient, AtomicInteger next, AtomicInteger deferrals)
        throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            expect(in, 220, "greeting");
            command(out, in, "EHLO bench.localhost", 250);
            for (int number = next.getAndIncrement(); number < messages; number = next.getAndIncrement()) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        transaction(out, in, number, recipient);
                        break;
                    } catch (Deferred e) {
                        deferrals.incrementAndGet();
                        // The reply says why (e.g. which resource was busy); worth reading when it happens.
                        System.out.println("temporary refusal of message " + number + ": " + e.getMessage());
                        if (attempt == MAX_ATTEMPTS) {
                            throw new IOException("message " + number + " refused " + attempt + " times; last: " + e.getMessage());
                        }
                        command(out, in, "RSET", 250);
                        Thread.sleep(RETRY_PAUSE_MILLIS);
                    }
                }
            }
            command(out, in, "QUIT", 221);
        }
    }

    private void transaction(OutputStream out, InputStream in, int number, String recipient) throws IOException {
        command(out, in, "MAIL FROM:<" + SENDER + ">", 250);
        command(out, in, "RCPT TO:<" + recipient + ">", 250);
        command(out, in, "DATA", 354);
        out.write(header(number, recipient));
        out.write(body);
        command(out, in, ".", 250);
    }

    /** A temporary refusal (4xx other than 421, which closes the connection): try again later. */
    private static final class Deferred extends IOException {
        Deferred(String reply) {
            super(reply);
        }
    }

    private static void command(OutputStream out, InputStream in, String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected, line);
    }

    /** Reads one reply, single or multi-line ("250-..." lines end with "250 ..."), and checks its code. */
    private static void expect(InputStream in, int expected, String after) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (line.startsWith("4") && !line.startsWith("421")) {
            throw new Deferred("\"" + line + "\" to " + after);
        }
        if (!line.startsWith(String.valueOf(expected))) {
            throw new IOException("SMTP server answered \"" + line + "\" to " + after + " (expected " + expected + ")");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("SMTP server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] header(int number, String recipient) {
        return ("From: Bench <" + SENDER + ">\r\n"
            + "To: <" + recipient + ">\r\n"
            + "Subject: benchmark message " + number + "\r\n"
            + "Message-ID: <bench-" + number + "@bench.localhost>\r\n"
            + "Date: Thu, 1 Jan 2026 00:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * About {@code size} bytes of text in lines of at most 76 characters, from a fixed seed:
     * random words, so it neither compresses to nothing nor differs between runs. No line starts
     * with a dot, so no dot-stuffing is needed.
     */
    private static byte[] body(int size) {
        Random random = new Random(20_480);
        StringBuilder text = new StringBuilder(size + 100);
        int headerEstimate = 250;
        StringBuilder line = new StringBuilder();
        while (text.length() + line.length() < size - headerEstimate) {
            int length = 2 + random.nextInt(9);
            if (line.length() + length + 1 > 76) {
                text.append(line).append("\r\n");
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            for (int i = 0; i < length; i++) {
                line.append((char) ('a' + random.nextInt(26)));
            }
        }
        text.append(line).append("\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
