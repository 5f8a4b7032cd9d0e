package org.smg.gateway.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trail's head to the application log at start, every hour and at stop, on the logger
 * {@code org.smg.audit}: {@code audit head sequence=N hash=H}. The log lives outside the
 * database, so someone who deletes the last entries cannot also take back a head that was
 * already logged; {@code GET /audit/verify?head=N:H} then reports the cut.
 */
public final class AuditHeadLogger implements Startable {
    static final String LOGGER_NAME = "org.smg.audit";
    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);
    static final Duration PERIOD = Duration.ofHours(1);

    /** Runs a task every period until closed; the real one is a daemon thread, tests drive a fake. */
    interface Repeater {
        AutoCloseable every(Duration period, Runnable task);
    }

    private final AuditTrail trail;
    private final Repeater repeater;
    private AutoCloseable hourly;

    @Inject
    public AuditHeadLogger(AuditTrail trail) {
        this(trail, AuditHeadLogger::daemonRepeater);
    }

    AuditHeadLogger(AuditTrail trail, Repeater repeater) {
        this.trail = trail;
        this.repeater = repeater;
    }

    public synchronized void start() {
        log("start");
        hourly = repeater.every(PERIOD, () -> log("hourly"));
    }

    /**
     * Logs the final head. Called by the gateway after James has stopped rather than as James's
     * {@code @PreDestroy}: the mail pipeline may still append entries while James stops, and a
     * head logged before them would leave them outside what the log can vouch for.
     */
    public synchronized void stop() {
        if (hourly == null) {
            return;
        }
        try {
            hourly.close();
        } catch (Exception e) {
            LOGGER.warn("stopping the hourly audit head line failed: {}", e.getMessage());
        }
        hourly = null;
        log("stop");
    }

    private void log(String when) {
        AuditHead head = trail.head();
        LOGGER.info("audit head sequence={} hash={} ({}; verify with GET /audit/verify?head={})", head.sequence(), head.hash(), when, head);
    }

    private static AutoCloseable daemonRepeater(Duration period, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smg-audit-head");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler::shutdownNow;
    }
}
