package org.smg.gateway.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Notifier#sendDue()} every few seconds on one daemon thread: follow-ups go out at
 * most a tick after their interval ends, and a restart finds the due ones in the database.
 */
final class NotificationScheduler implements AutoCloseable {
    static final Duration TICK = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notifications");
        thread.setDaemon(true);
        return thread;
    });

    NotificationScheduler(Notifier notifier) {
        executor.scheduleWithFixedDelay(notifier::sendDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
