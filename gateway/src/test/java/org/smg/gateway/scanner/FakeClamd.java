package org.smg.gateway.scanner;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server speaking just enough of clamd's protocol to test the client against each way a
 * clamd can answer or misbehave. Serves one connection at a time on a daemon thread.
 */
final class FakeClamd implements AutoCloseable {

    /** What the fake does with one connection. */
    interface Behaviour {
        void serve(Socket socket, FakeClamd clamd) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread thread;
    final AtomicLong bytesReceived = new AtomicLong();
    volatile String command = "";

    private FakeClamd(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    behaviour.serve(socket, this);
                } catch (IOException | InterruptedException e) {
                    // the client went away or the test ended
                }
            }
        }, "fake-clamd");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeClamd start(Behaviour behaviour) throws IOException {
        return new FakeClamd(behaviour);
    }

    /** Reads the whole INSTREAM, then answers {@code reply} followed by NUL. */
    static Behaviour answering(String reply) {
        return (socket, clamd) -> {
            clamd.readStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** Reads the whole INSTREAM and then says nothing until the client gives up. */
    static Behaviour silent() {
        return (socket, clamd) -> {
            clamd.readStream(socket.getInputStream());
            Thread.sleep(60_000);
        };
    }

    /** Reads the command and then never reads again, so the client's writes stall. */
    static Behaviour notReading() {
        return (socket, clamd) -> {
            clamd.readCommand(new DataInputStream(socket.getInputStream()));
            Thread.sleep(60_000);
        };
    }

    /** Reads {@code bytes} of the stream, then closes without a word. */
    static Behaviour closingAfter(long bytes) {
        return (socket, clamd) -> {
            InputStream in = socket.getInputStream();
            clamd.readCommand(new DataInputStream(in));
            clamd.bytesReceived.addAndGet(in.readNBytes((int) bytes).length);
        };
    }

    /** Reads {@code bytes} of the stream, then answers as clamd does at StreamMaxLength and closes. */
    static Behaviour sizeLimitAfter(long bytes) {
        return (socket, clamd) -> {
            InputStream in = socket.getInputStream();
            clamd.readCommand(new DataInputStream(in));
            clamd.bytesReceived.addAndGet(in.readNBytes((int) bytes).length);
            socket.getOutputStream().write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            socket.setSoLinger(true, 0);
        };
    }

    int port() {
        return server.getLocalPort();
    }

    ClamdAddress address() {
        return ClamdAddress.tcp("127.0.0.1", port());
    }

    private void readCommand(DataInputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) > 0) {
            text.append((char) c);
        }
        command = text.toString();
    }

    private void readStream(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        readCommand(in);
        if (!command.equals("zINSTREAM")) {
            return;
        }
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                return;
            }
            in.readNBytes(length);
            bytesReceived.addAndGet(length);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
