package org.smg.gateway.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes messages as one mbox file in the mboxrd form: each message starts with a {@code From }
 * separator line, and a line of the message that starts with any number of {@code >} and then
 * {@code From } gets one more {@code >}, so a reader can undo the quoting exactly. The message is
 * copied as a stream, never held whole.
 */
final class MboxWriter {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    MboxWriter(OutputStream out) {
        this.out = out;
    }

    void write(MessageRecord record, InputStream message) throws IOException {
        String sender = record.sender().isEmpty() || record.sender().contains(" ") ? "MAILER-DAEMON" : record.sender();
        out.write(("From " + sender + " " + ASCTIME.format(record.date()) + "\n").getBytes(StandardCharsets.US_ASCII));
        boolean endedWithNewline = copyQuoted(message);
        out.write(endedWithNewline ? "\n".getBytes(StandardCharsets.US_ASCII) : "\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Copies the message, quoting {@code >*From } at the start of a line; true when it ended with a line feed. */
    private boolean copyQuoted(InputStream message) throws IOException {
        byte[] pending = new byte[FROM.length];
        int quotes = 0;
        int matched = 0;
        boolean lineStart = true;
        int last = -1;
        byte[] buffer = new byte[64 * 1024];
        for (int read = message.read(buffer); read >= 0; read = message.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                last = b;
                if (!lineStart) {
                    out.write(b);
                    lineStart = b == '\n';
                    continue;
                }
                if (matched == 0 && b == '>') {
                    quotes++;
                    continue;
                }
                if (b == FROM[matched]) {
                    pending[matched++] = b;
                    if (matched == FROM.length) {
                        out.write('>');
                        flushPrefix(quotes, pending, matched);
                        quotes = 0;
                        matched = 0;
                        lineStart = false;
                    }
                    continue;
                }
                flushPrefix(quotes, pending, matched);
                quotes = 0;
                matched = 0;
                out.write(b);
                lineStart = b == '\n';
            }
        }
        flushPrefix(quotes, pending, matched);
        return last == '\n' || last == -1;
    }

    private void flushPrefix(int quotes, byte[] pending, int matched) throws IOException {
        for (int q = 0; q < quotes; q++) {
            out.write('>');
        }
        out.write(pending, 0, matched);
    }
}
