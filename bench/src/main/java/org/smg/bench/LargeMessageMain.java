package org.smg.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The large-message benchmark (issue 8, requirement 6): a message with one attachment of
 * {@code --size-mb} MB (200 by default, a plain text file, base64 encoded) goes from SMTP to the
 * INBOX of a gateway started as ./run.sh starts it ({@code -Xmx512m}), first one message, then
 * two at once on a fresh gateway; each is read back over IMAPS (FETCH BODY[TEXT]) and compared
 * by SHA-256 with what was sent. Prints the SMTP-to-INBOX rate, the read-back rate and the
 * gateway's peak heap from its GC log. Run it with bench/large-message.sh.
 */
public final class LargeMessageMain {
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private static final int BASE64_LINE = 57;

    private LargeMessageMain() {
    }

    public static void main(String[] args) throws Exception {
        long attachmentBytes = 200L * 1_000_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--size-mb") && i + 1 < args.length) {
                attachmentBytes = Long.parseLong(args[++i]) * 1_000_000;
            } else {
                System.err.println("usage: large-message.sh [--size-mb N]");
                System.exit(2);
            }
        }
        Path repository = Path.of(System.getProperty("smg.repository", ".")).toAbsolutePath().normalize();
        System.out.printf(Locale.ROOT, "attachment: %d MB of text, base64 encoded; gateway heap %s%n", attachmentBytes / 1_000_000,
            ServerProcess.JVM_OPTIONS);
        boolean ok = true;
        for (int messages = 1; messages <= 2; messages++) {
            ok &= run(repository, messages, attachmentBytes);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(Path repository, int messages, long attachmentBytes) throws Exception {
        try (GatewayServer gateway = new GatewayServer(repository)) {
            Path gcLog = gateway.root().resolve("gc.log");
            gateway.withJvmOptions("-Xlog:gc:file=" + gcLog);
            gateway.start();
            try (ImapCounter counter = gateway.imapCounter()) {
                counter.connect();
                ExecutorService senders = Executors.newFixedThreadPool(messages);
                long started = System.nanoTime();
                List<Future<Sent>> sending = new ArrayList<>();
                for (int i = 1; i <= messages; i++) {
                    int seed = i;
                    sending.add(senders.submit(() -> send(gateway.smtpPort(), gateway.mailbox(), seed, attachmentBytes)));
                }
                List<Sent> sent = new ArrayList<>();
                for (Future<Sent> future : sending) {
                    sent.add(future.get());
                }
                senders.shutdown();
                double accepted = seconds(started);
                counter.awaitCount(messages, Duration.ofMinutes(5), System.nanoTime() + Duration.ofMinutes(30).toNanos());
                double delivered = seconds(started);
                long total = sent.stream().mapToLong(Sent::bytes).sum();

                long readStarted = System.nanoTime();
                List<String> fetched = new ArrayList<>();
                for (int number = 1; number <= messages; number++) {
                    fetched.add(fetchBodyDigest(gateway, number));
                }
                double read = seconds(readStarted);
                boolean same = fetched.containsAll(sent.stream().map(Sent::bodyDigest).toList());
                long[] heap = peakHeap(gcLog);
                System.out.printf(Locale.ROOT, "%d message(s) at once, %.1f MB in total:%n", messages, total / 1e6);
                System.out.printf(Locale.ROOT, "  SMTP accepted after %.1f s, all in the INBOX after %.1f s: %.1f MB/s SMTP-to-INBOX%n",
                    accepted, delivered, total / 1e6 / delivered);
                System.out.printf(Locale.ROOT, "  read back over IMAPS (FETCH BODY[TEXT]) in %.1f s: %.1f MB/s; content %s%n",
                    read, total / 1e6 / read, same ? "identical (SHA-256)" : "DIFFERENT");
                System.out.printf(Locale.ROOT, "  gateway heap: peak in use %d MB (before a collection), peak live %d MB (after one), of %d MB%n",
                    heap[0], heap[1], heap[2]);
                return same;
            }
        } catch (Exception e) {
            System.out.println("BENCHMARK FAILED with " + messages + " message(s): " + e.getMessage());
            return false;
        }
    }

    private record Sent(long bytes, String bodyDigest) {
    }

    /** Sends one message on the relay port; returns its size and the SHA-256 of its body (after the header). */
    private static Sent send(int port, String recipient, int seed, long attachmentBytes) throws IOException, GeneralSecurityException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofMinutes(10).toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            expect(in, "220");
            command(out, in, "EHLO bench.localhost", "250");
            command(out, in, "MAIL FROM:<bench@staff.example>", "250");
            command(out, in, "RCPT TO:<" + recipient + ">", "250");
            command(out, in, "DATA", "354");
            CountingOutputStream counted = new CountingOutputStream(out);
            String boundary = "bench-boundary-" + seed;
            counted.write(("From: bench@staff.example\r\nTo: " + recipient + "\r\nSubject: large message " + seed
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            OutputStream body = new DigestOutputStream(counted, digest);
            body.write(("--" + boundary + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThe register.\r\n--" + boundary
                + "\r\nContent-Type: text/plain; name=\"register.txt\"\r\nContent-Disposition: attachment; filename=\"register.txt\""
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeBase64Text(body, seed, attachmentBytes);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            command(out, in, ".", "250");
            command(out, in, "QUIT", "221");
            return new Sent(counted.count, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** Pseudo-random words and line breaks (a plain text file by its content), base64 in lines of 76 characters. */
    private static void writeBase64Text(OutputStream out, int seed, long bytes) throws IOException {
        Random random = new Random(seed);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] line = new byte[BASE64_LINE];
        byte[] crlf = {'\r', '\n'};
        for (long written = 0; written < bytes; written += line.length) {
            for (int i = 0; i < line.length; i++) {
                int letter = random.nextInt(28);
                line[i] = (byte) (letter == 26 ? ' ' : letter == 27 ? '\n' : 'a' + letter);
            }
            out.write(encoder.encode(line));
            out.write(crlf);
        }
    }

    /** SHA-256 of BODY[TEXT] of message {@code number}, digested as it comes off the socket. */
    private static String fetchBodyDigest(GatewayServer gateway, int number) throws Exception {
        try (Socket socket = trustAll().getSocketFactory().createSocket("127.0.0.1", gateway.imapsPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(5).toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            readLine(in);
            imap(out, in, "l LOGIN \"" + gateway.mailbox() + "\" \"" + gateway.password() + "\"", "l");
            imap(out, in, "e EXAMINE INBOX", "e");
            out.write(("f FETCH " + number + " (BODY.PEEK[TEXT])\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = readLine(in);
            Matcher literal = LITERAL.matcher(line);
            if (!literal.find()) {
                throw new IOException("no literal in the FETCH response: " + line);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (long remaining = Long.parseLong(literal.group(1)); remaining > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("connection closed inside the literal");
                }
                digest.update(buffer, 0, read);
                remaining -= read;
            }
            while (!readLine(in).startsWith("f ")) {
                // the rest of the FETCH response
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static void imap(OutputStream out, InputStream in, String command, String tag) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String line;
        do {
            line = readLine(in);
        } while (!line.startsWith(tag + " "));
        if (!line.startsWith(tag + " OK")) {
            throw new IOException("IMAP server answered " + line);
        }
    }

    /** {peak used before a collection, peak used after one, heap size} in MB, from -Xlog:gc lines ("120M->40M(512M)"). */
    private static long[] peakHeap(Path gcLog) throws IOException {
        long[] peak = new long[3];
        for (String line : Files.readAllLines(gcLog)) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                peak[0] = Math.max(peak[0], Long.parseLong(heap.group(1)));
                peak[1] = Math.max(peak[1], Long.parseLong(heap.group(2)));
                peak[2] = Math.max(peak[2], Long.parseLong(heap.group(3)));
            }
        }
        return peak;
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        // Benchmark only: the gateway under test uses a self-signed certificate made at start-up.
        TrustManager accepting = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {accepting}, null);
        return context;
    }

    private static void command(OutputStream out, InputStream in, String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    private static void expect(InputStream in, String expected) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(expected)) {
            throw new IOException("SMTP server answered \"" + line + "\" (expected " + expected + ")");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
