package org.smg.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 request (a POST unless told) over a raw socket whose body is generated while it is written (zeros from one
 * reused 64 KiB buffer, so a 300 MB body costs the test no memory), with or without
 * {@code Content-Length}. It reads the answer while the body is still being sent, as a server that
 * answers early makes a client do, and records how much body had been written by then.
 */
final class StreamingUpload {
    private static final int CHUNK = 64 * 1024;

    /**
     * @param status the answer's status line, e.g. "HTTP/1.1 401 Unauthorized"
     * @param body the headers and body after the status line, up to the server's close or 1 s of silence
     * @param answeredAfter time from the end of the request headers to the status line
     * @param bodyBytesWrittenBeforeAnswer body bytes the client had handed to its socket by then
     * @param closedByServer whether the server closed the connection within 1 s of its last byte
     */
    record Answer(String status, String body, Duration answeredAfter, long bodyBytesWrittenBeforeAnswer, boolean closedByServer) {
    }

    private StreamingUpload() {
    }

    /** A POST; see {@link #send(int, String, String, String, long, boolean)}. */
    static Answer send(int port, String path, String authorization, long bodyBytes, boolean chunked) throws IOException, InterruptedException {
        return send(port, "POST", path, authorization, bodyBytes, chunked);
    }

    /** {@code authorization} null sends none; {@code chunked} sends Transfer-Encoding: chunked instead of Content-Length. */
    static Answer send(int port, String method, String path, String authorization, long bodyBytes, boolean chunked)
            throws IOException, InterruptedException {
        return send(new Socket("127.0.0.1", port), port, method, path, authorization, bodyBytes, chunked);
    }

    /** As {@link #send(int, String, String, String, long, boolean)}, over TLS (the citizen web server), trusting any certificate. */
    static Answer sendOverTls(int port, String path, long bodyBytes) throws IOException, InterruptedException {
        return send(TrustAll.sslContext().getSocketFactory().createSocket("127.0.0.1", port), port, "POST", path, null, bodyBytes, false);
    }

    private static Answer send(Socket opened, int port, String method, String path, String authorization, long bodyBytes, boolean chunked)
            throws IOException, InterruptedException {
        try (Socket socket = opened) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
                .append("Content-Type: application/json\r\n")
                .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long headersSent = System.nanoTime();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> writeBody(out, bodyBytes, chunked, written), "streaming-upload-body");
            writer.setDaemon(true);
            writer.start();

            InputStream in = socket.getInputStream();
            String status = readLine(in);
            long answered = System.nanoTime();
            long writtenBeforeAnswer = written.get();
            socket.setSoTimeout(1_000);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            boolean closed = readUntilClose(in, rest);
            socket.close();
            writer.join(10_000);
            return new Answer(status, rest.toString(StandardCharsets.UTF_8), Duration.ofNanos(answered - headersSent),
                writtenBeforeAnswer, closed);
        }
    }

    private static void writeBody(OutputStream out, long bodyBytes, boolean chunked, AtomicLong written) {
        byte[] zeros = new byte[CHUNK];
        try {
            while (written.get() < bodyBytes) {
                int length = (int) Math.min(CHUNK, bodyBytes - written.get());
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(zeros, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                written.addAndGet(length);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the server closed the connection: what the test expects of a refusal
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** True when the server closed (end of stream or reset); false when it kept the connection open. */
    private static boolean readUntilClose(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                into.write(buffer, 0, read);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
