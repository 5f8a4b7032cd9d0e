package org.smg.gateway.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.policies.model.PolicyHolder;

/**
 * Ends every open citizen session (IMAP with {@code * BYE [UNAVAILABLE]}, SMTP with {@code 421 4.3.2}, web) when a
 * maintenance window starts. One timer sleeps until the next start ({@code nextStart}), the end of the window in
 * force, or an hour at most (so a wall clock set forward or back is noticed); a policy reload computes the next
 * wake-up again at once. Sessions are ended once per downtime: on the way into it, not at every wake-up inside it.
 *
 * <p>A login admitted just before the start could register its session just after the sweep; every registration is
 * therefore checked against the window too ({@link AccountSessions#checkEachRegistrationAgainst}).
 */
public final class MaintenanceStarts implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(MaintenanceStarts.class);
    /** The longest sleep: a wall-clock change (NTP step, manual set) is noticed within this. */
    static final Duration LONGEST_SLEEP = Duration.ofHours(1);

    private final Maintenance maintenance;
    private final AccountSessions sessions;
    private final PolicyHolder policies;
    private final ScheduledExecutorService timer;
    private boolean down;
    private ScheduledFuture<?> pending;

    @Inject
    public MaintenanceStarts(Maintenance maintenance, AccountSessions sessions, PolicyHolder policies) {
        this.maintenance = maintenance;
        this.sessions = sessions;
        this.policies = policies;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "maintenance-starts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Arms the timer and the registration check, and follows every reload. */
    public void start() {
        sessions.checkEachRegistrationAgainst(() -> maintenance.now().map(Downtime::sessionEnd));
        policies.whenReloaded(reloaded -> reschedule());
        reschedule();
    }

    @PreDestroy
    public void stop() {
        timer.shutdownNow();
    }

    private synchronized void reschedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        Instant wake = check();
        long delay = Math.max(0, Duration.between(maintenance.instant(), wake).toMillis());
        try {
            pending = timer.schedule(this::reschedule, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOGGER.debug("maintenance timer stopped");
        }
    }

    /**
     * Ends every session if a window began since the last check, and says when to check next. Separate from the
     * timer so that tests drive it with a clock of their own.
     */
    synchronized Instant check() {
        Instant now = maintenance.instant();
        Optional<Downtime> downtime = maintenance.at(now);
        if (downtime.isPresent() && !down) {
            int ended = sessions.endEverySession(downtime.get().sessionEnd());
            LOGGER.info("maintenance window until {} began: {} open session(s) ended", downtime.get().until(), ended);
        }
        down = downtime.isPresent();
        Instant wake = now.plus(LONGEST_SLEEP);
        Optional<Instant> next = maintenance.nextStart(now);
        if (next.isPresent() && next.get().isBefore(wake)) {
            wake = next.get();
        }
        if (downtime.isPresent() && downtime.get().end().isBefore(wake)) {
            wake = downtime.get().end();
        }
        return wake;
    }
}
