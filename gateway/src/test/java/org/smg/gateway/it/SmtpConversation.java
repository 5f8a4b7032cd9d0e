package org.smg.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.net.ssl.SSLException;

/**
 * A raw SMTP client that writes exactly the bytes it is given, for tests of what a well-behaved
 * client library would never send (bare LF, relay attempts, connections from other addresses).
 */
final class SmtpConversation implements AutoCloseable {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private SmtpConversation(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    static SmtpConversation open(int port) throws IOException {
        return new SmtpConversation(new Socket("127.0.0.1", port));
    }

    /** Connects from a chosen local address, e.g. 127.0.0.2, to test address allow-lists on loopback. */
    static SmtpConversation openFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
        return new SmtpConversation(socket);
    }

    /** Reads one (possibly multi-line) reply and returns it whole, lines joined by '\n'; null once the server has closed. */
    String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            line = readLine();
            if (line == null) {
                return reply.length() == 0 ? null : reply.toString();
            }
            if (reply.length() > 0) {
                reply.append('\n');
            }
            reply.append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    private String readLine() throws IOException {
        try {
            return in.readLine();
        } catch (SocketException | SSLException closed) {
            return null;
        }
    }

    /** Sends a command line (CRLF appended) and returns the reply. */
    String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    /**
     * Sends one mail in a session that already said EHLO and returns the last reply: the one to
     * the end of DATA when all went well, else the first reply that was not positive. The message
     * uses CRLF line ends; lines starting with a dot are dot-stuffed here.
     */
    String mail(String from, String to, String message) throws IOException {
        return mail(from, java.util.List.of(to), message);
    }

    /** As {@link #mail(String, String, String)}, with one RCPT per recipient, in order. */
    String mail(String from, java.util.List<String> recipients, String message) throws IOException {
        String reply = command("MAIL FROM:<" + from + ">");
        if (reply == null || !reply.startsWith("250")) {
            return reply;
        }
        for (String to : recipients) {
            reply = command("RCPT TO:<" + to + ">");
            if (reply == null || !reply.startsWith("250")) {
                return reply;
            }
        }
        reply = command("DATA");
        if (reply == null || !reply.startsWith("354")) {
            return reply;
        }
        String stuffed = (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
        send(stuffed + "\r\n.\r\n");
        return reply();
    }

    /** Sends STARTTLS and, on a 220 reply, continues the conversation over TLS; returns the STARTTLS reply. */
    String startTls() throws IOException {
        String reply = command("STARTTLS");
        if (reply != null && reply.startsWith("220")) {
            use(TrustAll.upgrade(socket));
        }
        return reply;
    }

    /** Sends AUTH PLAIN with the given credentials and returns the reply. */
    String authPlain(String user, String password) throws IOException {
        String credentials = "\0" + user + "\0" + password;
        return command("AUTH PLAIN " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends AUTH LOGIN and, while the server answers 334, the base64 user name and then the password
     * on lines of their own; returns the first reply that is not 334.
     */
    String authLogin(String user, String password) throws IOException {
        String reply = command("AUTH LOGIN");
        for (String secret : new String[] {user, password}) {
            if (reply == null || !reply.startsWith("334")) {
                return reply;
            }
            reply = command(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        return reply;
    }

    /** The connection's output, for a message written as a stream (the caller ends it with CRLF.CRLF and flushes). */
    OutputStream outputStream() {
        return out;
    }

    /** How long a reply may take from now on (30 s unless set here). */
    SmtpConversation withReplyTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** Sends raw bytes, exactly as given. */
    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
