package org.smg.gateway.quarantine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.mail.internet.MimeMessage;

/**
 * A message as a stream that a JDBC driver can read while the message is being written: one thread
 * writes the MIME message into a bounded pipe, the reader (the database insert) takes it from there.
 * So a message that James keeps in a file is stored without a whole copy of it in the heap.
 *
 * <p>A failed write is not taken for the end of the message: the reader that reaches the end
 * waits for the writer's outcome and gets its error as an {@link IOException}, so a truncated
 * message is never stored as if complete.
 */
public final class MessagePipe extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final PipedInputStream in;
    private final CompletableFuture<Void> written;
    private long count;

    private MessagePipe(PipedInputStream in, CompletableFuture<Void> written) {
        this.in = in;
        this.written = written;
    }

    public static MessagePipe of(MimeMessage message, String threadName) throws IOException {
        PipedInputStream in = new PipedInputStream(BUFFER);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Void> written = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try (out) {
                message.writeTo(out);
            } catch (Exception | Error e) {
                written.completeExceptionally(e);
                return;
            }
            written.complete(null);
        }, threadName);
        writer.setDaemon(true);
        writer.start();
        return new MessagePipe(in, written);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            awaitWriter();
            return -1;
        }
        count++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        if (read < 0) {
            awaitWriter();
            return -1;
        }
        count += read;
        return read;
    }

    /** Bytes read so far; the message's size once the reader reached the end. */
    public long count() {
        return count;
    }

    private void awaitWriter() throws IOException {
        try {
            written.get();
        } catch (ExecutionException e) {
            throw new IOException("writing the message failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the message was written", e);
        }
    }

    /** Closing the read end makes a writer still blocked on the pipe fail and end. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
