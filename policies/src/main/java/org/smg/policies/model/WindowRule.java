package org.smg.policies.model;

import java.time.Instant;
import java.util.Optional;

/** A maintenance window as maintenance.yaml writes it: weekly in a time zone, or once between two instants. */
public sealed interface WindowRule permits WeeklyWindow, OneOffWindow {

    /** The occurrence of this rule that contains the instant, if any. */
    Optional<Window> occurrenceAt(Instant instant);

    /** The earliest start of an occurrence strictly after the instant, if any. */
    Optional<Instant> nextStartAfter(Instant instant);
}
