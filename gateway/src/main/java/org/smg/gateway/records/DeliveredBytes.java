package org.smg.gateway.records;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageWrapper;
import org.smg.gateway.quarantine.MessagePipe;

/**
 * A message's bytes as James delivers them, counted as they are read. For the pipeline's
 * {@link MimeMessageWrapper} this is the stream James's mailbox delivery appends
 * ({@code getMessageInputStream}: changed headers, then the body streamed from its source), so a
 * record is byte for byte what the INBOX got, and {@code writeTo} (which would call
 * {@code saveChanges()}, add headers and parse the body into the heap) is never called. Any other
 * message is written through a {@link MessagePipe}.
 */
final class DeliveredBytes extends FilterInputStream {
    private long count;

    private DeliveredBytes(InputStream in) {
        super(in);
    }

    static DeliveredBytes of(MimeMessage message, String threadName) throws MessagingException, IOException {
        if (message instanceof MimeMessageWrapper wrapper) {
            return new DeliveredBytes(wrapper.getMessageInputStream());
        }
        return new DeliveredBytes(MessagePipe.of(message, threadName));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    /** Bytes read so far; the message's size once the reader reached the end. */
    long count() {
        return count;
    }
}
