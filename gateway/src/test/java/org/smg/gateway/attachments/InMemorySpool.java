package org.smg.gateway.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** A spool in memory, for tests: honours the limit like the real one and counts every byte it was given. */
public final class InMemorySpool implements Spool {
    private final AtomicLong bytesWritten = new AtomicLong();

    @Override
    public SpooledContent write(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            bytesWritten.addAndGet(read);
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                throw new SpoolLimitExceededException(limit);
            }
        }
        return InMemorySpooledContent.of(out.toByteArray());
    }

    /** Every byte written so far, kept or not. */
    public long bytesWritten() {
        return bytesWritten.get();
    }
}
