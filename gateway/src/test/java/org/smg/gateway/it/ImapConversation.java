package org.smg.gateway.it;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * A raw IMAP client that writes exactly the bytes it is given, for tests of what a client library
 * would never send (oversized literals, LOGIN before STARTTLS).
 */
final class ImapConversation implements AutoCloseable {
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)}$");
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String greeting;

    private ImapConversation(Socket socket) throws IOException {
        use(socket);
        this.greeting = readLine();
    }

    /** Plain connection (the STARTTLS port). */
    static ImapConversation open(int port) throws IOException {
        return new ImapConversation(new Socket("127.0.0.1", port));
    }

    /** Implicit TLS connection (the IMAPS port). */
    static ImapConversation openTls(int port) throws IOException {
        return new ImapConversation(TrustAll.connect(port));
    }

    /** Implicit TLS connection from a chosen loopback address, e.g. 127.0.0.2. */
    static ImapConversation openTlsFrom(String localAddress, int port) throws IOException {
        return new ImapConversation(TrustAll.connectFrom(localAddress, port));
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        this.out = socket.getOutputStream();
    }

    String greeting() {
        return greeting;
    }

    /** Sends {@code tag command} and returns every line up to the tagged completion (or up to the end of the connection). */
    List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command + "\r\n");
        return linesUntilTagged(tag);
    }

    /** Lines up to and including the one starting with {@code tag}, or up to the end of the connection. */
    List<String> linesUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                break;
            }
        }
        return lines;
    }

    /** Sends STARTTLS and, on a tagged OK, continues over TLS; returns the tagged reply. */
    String startTls() throws IOException {
        List<String> reply = command("tls", "STARTTLS");
        String tagged = reply.isEmpty() ? null : reply.get(reply.size() - 1);
        if (tagged != null && tagged.startsWith("tls OK")) {
            use(TrustAll.upgrade(socket));
        }
        return tagged;
    }

    /** Next line from the server, or null once the server has closed the connection. */
    String readLine() throws IOException {
        try {
            return in.readLine();
        } catch (SocketException | SSLException closed) {
            return null;
        }
    }

    /**
     * One whole server response: a line, and when it announces a literal ({@code {n}} at its end),
     * the literal's n bytes and the rest of the response after it; null once the server has closed.
     */
    String readResponse() throws IOException {
        String line = readLine();
        if (line == null) {
            return null;
        }
        StringBuilder response = new StringBuilder(line);
        Matcher literal = LITERAL_AT_END.matcher(line);
        while (literal.find()) {
            char[] content = new char[Integer.parseInt(literal.group(1))];
            int read = 0;
            while (read < content.length) {
                int chunk = in.read(content, read, content.length - read);
                if (chunk < 0) {
                    throw new EOFException("connection closed inside a literal of " + content.length + " bytes, " + read + " received");
                }
                read += chunk;
            }
            String rest = readLine();
            response.append("\r\n").append(content).append(rest == null ? "" : rest);
            literal = LITERAL_AT_END.matcher(rest == null ? "" : rest);
        }
        return response.toString();
    }

    /** Reads the next {@code length} bytes (a literal's content) into {@code digest} without keeping them. */
    void readBytes(long length, java.security.MessageDigest digest) throws IOException {
        char[] chunk = new char[64 * 1024];
        byte[] bytes = new byte[chunk.length];
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (read < 0) {
                throw new EOFException("connection closed inside a literal of " + length + " bytes, " + (length - remaining) + " received");
            }
            for (int i = 0; i < read; i++) {
                bytes[i] = (byte) chunk[i];
            }
            digest.update(bytes, 0, read);
            remaining -= read;
        }
    }

    /** Every line the server still sends until it closes the connection. */
    List<String> linesUntilClosed() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    /** Sends {@code length} bytes of {@code raw} from {@code offset}, exactly as given. */
    void sendBytes(byte[] raw, int offset, int length) throws IOException {
        out.write(raw, offset, length);
        out.flush();
    }

    /** Sends raw bytes, exactly as given. */
    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Writes up to {@code total} bytes in 64 KB chunks and returns how many were written before
     * a write failed because the server had closed the connection. Fails if the server neither
     * took all the bytes nor closed within 30 s (a write blocks while the server stops reading).
     */
    long streamUntilRefused(long total) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        AtomicBoolean gaveUp = new AtomicBoolean();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        finished.orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> {
            gaveUp.set(true);
            closeQuietly();
            return null;
        });
        long written = 0;
        try {
            while (written < total) {
                out.write(chunk);
                written += chunk.length;
            }
            out.flush();
        } catch (IOException refused) {
            if (gaveUp.get()) {
                throw new AssertionError("the server neither refused nor read the stream within 30 s (" + written + " bytes written)");
            }
        } finally {
            finished.complete(null);
        }
        return written;
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to unblock a write; nothing else to do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
