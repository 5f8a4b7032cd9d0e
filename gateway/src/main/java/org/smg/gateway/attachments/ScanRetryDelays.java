package org.smg.gateway.attachments;

import java.time.Duration;

/**
 * How long a mail waits in the queue before its next scan attempt while the scanner gives no verdict: the base
 * delay ({@code scanner.retryDelay}), doubled at each attempt up to a ceiling. There is no last attempt: a mail
 * waits until the scanner answers, and the administrator sees the backlog.
 */
public final class ScanRetryDelays {
    private static final Duration CEILING = Duration.ofMinutes(15);

    private final Duration base;

    public ScanRetryDelays(Duration base) {
        this.base = base;
    }

    /** The delay after the given number of failed attempts (1 for the first). */
    public Duration after(int attempts) {
        Duration delay = base;
        for (int attempt = 1; attempt < attempts && delay.compareTo(CEILING) < 0; attempt++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(CEILING) > 0 ? CEILING : delay;
    }
}
