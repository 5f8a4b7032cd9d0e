package org.smg.gateway.records;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RecordDisposal#disposeDue()} a minute after start and then every hour, on one daemon
 * thread for the life of the JVM. A failed run is logged and the next one tries again; nothing is
 * ever deleted without its audit entry.
 */
final class DisposalSchedule {
    static final Duration PERIOD = Duration.ofHours(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(DisposalSchedule.class);

    @Inject
    DisposalSchedule(RecordDisposal disposal) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "records-disposal");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                disposal.disposeDue();
            } catch (RecordException | RuntimeException e) {
                LOGGER.error("records disposal failed: {}", e.getMessage());
            }
        }, Duration.ofMinutes(1).toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
}
