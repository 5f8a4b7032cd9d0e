package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * A {@link MimeMessage} as a stream, without a copy in the heap. {@code writeTo} is the one method every MimeMessage
 * streams through (James's MimeMessageWrapper copies from its stored source without parsing), but it pushes; the
 * parser pulls. A writer thread feeds a 64 KB pipe. James's own MimeMessageInputStream would copy any message that
 * is not an unmodified wrapper into a byte array first. A failure of the writer reaches the reader as an
 * IOException, not as a short (and so "malformed") message.
 */
final class MimeMessagePipe extends InputStream {
    private static final int PIPE_SIZE = 64 * 1024;

    private final PipedInputStream in;
    private volatile Exception writerFailure;

    private MimeMessagePipe(PipedInputStream in) {
        this.in = in;
    }

    static InputStream open(MimeMessage message) throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_SIZE);
        PipedOutputStream out = new PipedOutputStream(in);
        MimeMessagePipe pipe = new MimeMessagePipe(in);
        Thread writer = new Thread(() -> pipe.write(message, out), "message-pipe");
        writer.setDaemon(true);
        writer.start();
        return pipe;
    }

    private void write(MimeMessage message, PipedOutputStream out) {
        try {
            message.writeTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            writerFailure = e; // before the close below, so the reader never takes a failed write for the end
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                // the reader is gone
            }
        }
    }

    @Override
    public int read() throws IOException {
        return checked(in.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return checked(in.read(b, off, len));
    }

    private int checked(int read) throws IOException {
        Exception failure = writerFailure;
        if (read < 0 && failure != null) {
            throw new IOException("writing the message out failed: " + failure.getMessage(), failure);
        }
        return read;
    }

    /** Ends the writer too: its next write fails on the closed pipe. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
