package org.smg.gateway.queue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a waiting dequeuer that its queue changed in this JVM (a mail was enqueued, completed,
 * flushed). Waits are bounded: a delay running out changes nothing here, polling finds it.
 */
final class ChangeSignal {
    private final AtomicLong changes = new AtomicLong();

    /** A mark to pass to {@link #awaitChangeSince}, taken before looking at the queue so no change is missed. */
    long mark() {
        return changes.get();
    }

    void changed() {
        changes.incrementAndGet();
        synchronized (this) {
            notifyAll();
        }
    }

    /** Returns as soon as something changed after {@code mark}, or after {@code maxWait}. */
    void awaitChangeSince(long mark, Duration maxWait) throws InterruptedException {
        synchronized (this) {
            if (changes.get() == mark) {
                wait(maxWait.toMillis());
            }
        }
    }
}
