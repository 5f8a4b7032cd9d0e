package org.smg.policies.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance windows of maintenance.yaml. During a window citizen logins get a temporary refusal that names
 * the window's end; staff relay mail is still accepted and delivered after it. Without maintenance.yaml there is
 * no window.
 */
public final class MaintenanceWindows {

    // Overlapping or back-to-back windows are one downtime; the bound only stops a pathological chain.
    private static final int MAX_CHAINED = 64;
    private static final MaintenanceWindows NONE = new MaintenanceWindows(List.of());

    private final List<WindowRule> rules;

    public MaintenanceWindows(List<WindowRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No window: the policy when maintenance.yaml is absent. */
    public static MaintenanceWindows none() {
        return NONE;
    }

    /** The windows as written, weekly ones first, in file order. */
    public List<WindowRule> rules() {
        return rules;
    }

    /**
     * The downtime in force at the instant, if any. When windows overlap or follow each other without a gap, the
     * result runs from the earliest start to the end of the last of them: the time the service is really back.
     */
    public Optional<Window> activeAt(Instant instant) {
        Optional<Window> covering = covering(instant);
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        Instant start = covering.get().start();
        Instant end = covering.get().end();
        for (int step = 0; step < MAX_CHAINED; step++) {
            Optional<Window> following = covering(end);
            if (following.isEmpty()) {
                break;
            }
            end = following.get().end();
        }
        return Optional.of(new Window(start, end));
    }

    /** The earliest start of any window strictly after the instant (even while a window is in force), if any. */
    public Optional<Instant> nextStart(Instant instant) {
        return rules.stream().map(rule -> rule.nextStartAfter(instant)).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    /** The occurrences containing the instant, merged: earliest start, latest end. */
    private Optional<Window> covering(Instant instant) {
        List<Window> occurrences = rules.stream().map(rule -> rule.occurrenceAt(instant)).flatMap(Optional::stream)
                .toList();
        if (occurrences.isEmpty()) {
            return Optional.empty();
        }
        Instant start = occurrences.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
        Instant end = occurrences.stream().map(Window::end).max(Instant::compareTo).orElseThrow();
        return Optional.of(new Window(start, end));
    }
}
