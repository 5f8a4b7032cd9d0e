package org.smg.gateway.attachments;

import java.io.IOException;

/** A stream was longer than the spool was allowed to hold. */
public final class SpoolLimitExceededException extends IOException {
    private final long limit;

    public SpoolLimitExceededException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
