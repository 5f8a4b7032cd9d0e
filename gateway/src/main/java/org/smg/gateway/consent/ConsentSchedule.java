package org.smg.gateway.consent;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Consents#passTime()} every second, on one daemon thread for the life of the JVM, so that a delegated
 * session that sends no command (IDLE) still ends within a second of its consent's end. A failed run is logged and
 * the next one tries again; access never waits for it (every command asks the consent first).
 */
final class ConsentSchedule {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(ConsentSchedule.class);

    @Inject
    ConsentSchedule(Consents consents) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consent-schedule");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                consents.passTime();
            } catch (SQLException | RuntimeException e) {
                LOGGER.error("consent schedule failed: {}", e.toString());
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
}
