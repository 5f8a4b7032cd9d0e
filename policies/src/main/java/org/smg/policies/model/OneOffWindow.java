package org.smg.policies.model;

import java.time.Instant;
import java.util.Optional;

/** A window that happens once, between two instants (written with their UTC offset in maintenance.yaml). */
public record OneOffWindow(Window window) implements WindowRule {

    public OneOffWindow(Instant start, Instant end) {
        this(new Window(start, end));
    }

    @Override
    public Optional<Window> occurrenceAt(Instant instant) {
        return window.contains(instant) ? Optional.of(window) : Optional.empty();
    }

    @Override
    public Optional<Instant> nextStartAfter(Instant instant) {
        return window.start().isAfter(instant) ? Optional.of(window.start()) : Optional.empty();
    }
}
