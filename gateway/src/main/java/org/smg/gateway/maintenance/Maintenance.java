package org.smg.gateway.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.smg.policies.model.MaintenanceWindows;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.WeeklyWindow;
import org.smg.policies.model.Window;

/**
 * Whether a maintenance window (maintenance.yaml) is in force: asked by every citizen login (IMAP, SMTP
 * submission) and every web page, and by {@link MaintenanceStarts} to end open sessions. Reads the policy
 * snapshot in force at each question, so a reload takes effect at the next login.
 */
public final class Maintenance {
    private final PolicyHolder policies;
    private final Clock clock;

    public Maintenance(PolicyHolder policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** The window in force now, if any. */
    public Optional<Downtime> now() {
        return at(clock.instant());
    }

    public Instant instant() {
        return clock.instant();
    }

    /** The window in force at the instant (overlapping windows merged), if any. */
    public Optional<Downtime> at(Instant instant) {
        MaintenanceWindows windows = policies.current().maintenance();
        return windows.activeAt(instant).map(window -> new Downtime(window, zoneOf(windows, window)));
    }

    /** The next start of any window strictly after the instant, if any. */
    public Optional<Instant> nextStart(Instant instant) {
        return policies.current().maintenance().nextStart(instant);
    }

    /**
     * The zone to show the end in: that of the weekly window that ends the downtime; for a one-off window, that of
     * any weekly window (the service's usual zone); UTC when there is none.
     */
    static ZoneId zoneOf(MaintenanceWindows windows, Window window) {
        Instant last = window.end().minusNanos(1);
        List<WeeklyWindow> weekly = windows.rules().stream()
            .filter(WeeklyWindow.class::isInstance).map(WeeklyWindow.class::cast).toList();
        return weekly.stream()
            .filter(rule -> rule.occurrenceAt(last).map(Window::end).filter(window.end()::equals).isPresent())
            .map(WeeklyWindow::zone)
            .findFirst()
            .or(() -> weekly.stream().map(WeeklyWindow::zone).findFirst())
            .orElse(ZoneOffset.UTC);
    }
}
