package org.smg.gateway.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes an archive entry really expands to and stops at a limit while expanding: declared sizes can lie,
 * so the limit holds whatever the central directory says. Errors of the decompressor are reported as
 * {@link CorruptEntryException} so that a broken entry is told apart from a failing spool.
 */
final class ExpansionLimitInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    ExpansionLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // ask for at most one byte beyond the limit: enough to know it is exceeded, never much more
        int wanted = (int) Math.min(length, limit - count + 1);
        int read;
        try {
            read = super.read(bytes, offset, Math.max(wanted, 1));
        } catch (IOException e) {
            throw new CorruptEntryException(e);
        }
        if (read > 0) {
            count += read;
            if (count > limit) {
                throw new ExpansionLimitException(limit);
            }
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(read(new byte[(int) Math.max(0, Math.min(n, 8192))]), 0);
    }

    /** Bytes expanded so far. */
    long count() {
        return count;
    }

    /** The entry expanded to more than its limit. */
    static final class ExpansionLimitException extends IOException {
        ExpansionLimitException(long limit) {
            super("expanded to more than " + limit + " bytes");
        }
    }

    /** The entry's compressed data could not be expanded. */
    static final class CorruptEntryException extends IOException {
        CorruptEntryException(IOException cause) {
            super("the entry cannot be expanded", cause);
        }
    }
}
