package org.smg.gateway.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import org.smg.gateway.attachments.ScanResult;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.attachments.VirusScanner;

/**
 * Our own client of clamd's INSTREAM command: {@code zINSTREAM\0}, then chunks each preceded by its
 * length (4 bytes, big-endian), then a zero length; clamd answers {@code stream: OK},
 * {@code stream: <signature> FOUND} or {@code <text> ERROR}.
 *
 * <p>Fails closed: only "stream: OK" is clean. A file larger than {@code maxFileSize} is not sent whole
 * but reported unscannable; limit and encryption heuristics are unscannable (see {@link ClamdReply});
 * a clamd that cannot be reached, stops reading or answering within the timeout, closes the connection
 * or answers anything else gives {@link ScannerUnavailableException}, never a verdict. The content is
 * streamed in chunks and never held whole.
 */
public final class ClamdScanner implements VirusScanner {

    static final int CHUNK = 64 * 1024;

    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] PING = "zPING\0".getBytes(StandardCharsets.US_ASCII);

    private final ClamdAddress address;
    private final Duration timeout;
    private final long maxFileSize;
    private final ClamdReachability reachability;

    /**
     * @param timeout longest wait without progress for connecting, sending a chunk or the answer
     * @param maxFileSize the largest stream scanned; the clamd must accept at least this much (StreamMaxLength)
     */
    public ClamdScanner(ClamdAddress address, Duration timeout, long maxFileSize) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive, got " + maxFileSize);
        }
        this.maxFileSize = maxFileSize;
        this.reachability = new ClamdReachability(address.toString());
    }

    public ClamdAddress address() {
        return address;
    }

    @Override
    public ScanResult scan(InputStream content) throws ScannerUnavailableException {
        Objects.requireNonNull(content, "content");
        try (ClamdConnection connection = ClamdConnection.open(address, timeout)) {
            connection.write(ByteBuffer.wrap(INSTREAM));
            ScanResult result = stream(content, connection);
            reachability.answered();
            return result;
        } catch (ScannerUnavailableException e) {
            reachability.failed(e.getMessage());
            throw e;
        } catch (IOException e) {
            reachability.failed(String.valueOf(e.getMessage()));
            throw new ScannerUnavailableException("clamd at " + address + ": " + e.getMessage(), e);
        }
    }

    private ScanResult stream(InputStream content, ClamdConnection connection) throws IOException, ScannerUnavailableException {
        ByteBuffer length = ByteBuffer.allocate(4);
        byte[] chunk = new byte[CHUNK];
        long sent = 0;
        while (true) {
            int read = content.readNBytes(chunk, 0, CHUNK);
            if (read == 0) {
                break;
            }
            sent += read;
            if (sent > maxFileSize) {
                // Stopping here rather than letting clamd cut the stream keeps the verdict ours to give.
                return ScanResult.unscannable("larger than the scanner's limit of " + maxFileSize + " bytes");
            }
            try {
                connection.write(length.clear().putInt(read).flip(), ByteBuffer.wrap(chunk, 0, read));
            } catch (IOException refused) {
                // clamd answers "INSTREAM size limit exceeded" and closes while we still send: read that answer.
                return answerAfterBrokenStream(connection, refused);
            }
        }
        try {
            connection.write(length.clear().putInt(0).flip());
        } catch (IOException refused) {
            // The last chunk fitted into the socket's buffer, but clamd had stopped reading before the end mark.
            return answerAfterBrokenStream(connection, refused);
        }
        return ClamdReply.interpret(connection.readReply());
    }

    private static ScanResult answerAfterBrokenStream(ClamdConnection connection, IOException refused)
            throws IOException, ScannerUnavailableException {
        String reply;
        try {
            reply = connection.readReply();
        } catch (IOException unreadable) {
            refused.addSuppressed(unreadable);
            throw refused;
        }
        if (reply.isEmpty()) {
            throw refused;
        }
        return ClamdReply.interpret(reply);
    }

    /** Asks clamd whether it is alive; returns normally on PONG. Waits at most 10 s, so a health check stays quick. */
    public void ping() throws ScannerUnavailableException {
        Duration pingTimeout = timeout.compareTo(PING_TIMEOUT) < 0 ? timeout : PING_TIMEOUT;
        try (ClamdConnection connection = ClamdConnection.open(address, pingTimeout)) {
            connection.write(ByteBuffer.wrap(PING));
            String reply = connection.readReply();
            if (!reply.equals("PONG")) {
                throw new ScannerUnavailableException("clamd answered " + ClamdReply.printable(reply) + " to PING");
            }
            reachability.answered();
        } catch (ScannerUnavailableException e) {
            reachability.failed(e.getMessage());
            throw e;
        } catch (IOException e) {
            reachability.failed(String.valueOf(e.getMessage()));
            throw new ScannerUnavailableException("clamd at " + address + ": " + e.getMessage(), e);
        }
    }

    /** PING without logging reachability: for waiting on a clamd that is still starting. */
    static boolean answersPing(ClamdAddress address, Duration timeout) {
        try (ClamdConnection connection = ClamdConnection.open(address, timeout)) {
            connection.write(ByteBuffer.wrap(PING));
            return connection.readReply().equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ClamdScanner[" + address + "]";
    }
}
