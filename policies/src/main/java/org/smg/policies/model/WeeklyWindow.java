package org.smg.policies.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A window that recurs on given days of the week, from a local start time to a local end time in a time zone,
 * e.g. Saturdays 18:00 to 22:00 America/New_York. An end at or before the start means the next day (22:00 to
 * 02:00 crosses midnight), so a window lasts less than 24 hours of local time.
 *
 * <p>Times are wall-clock times of the zone, so the window follows daylight-saving changes: Saturday 18:00 New
 * York is 23:00 UTC in winter and 22:00 UTC in summer, and a window spanning a change lasts an hour more or less.
 * A local time that does not exist (02:30 on the spring-forward night) is moved later by the gap, as
 * {@link ZonedDateTime#of} does; a local time that exists twice (01:30 on the fall-back night) is its first
 * occurrence. An occurrence whose end falls at or before its start after that adjustment does not happen.
 *
 * @param days the days the window starts on
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) implements WindowRule {

    public WeeklyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly window needs at least one day");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("a weekly window cannot start and end at the same time");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** True when the window ends on the day after it starts. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    @Override
    public Optional<Window> occurrenceAt(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        // An occurrence started at most a day (of local time, so up to 25 hours) before the instant.
        for (LocalDate day = today.minusDays(2); !day.isAfter(today); day = day.plusDays(1)) {
            Optional<Window> occurrence = startingOn(day).filter(window -> window.contains(instant));
            if (occurrence.isPresent()) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> nextStartAfter(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        Instant next = null;
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(8)); day = day.plusDays(1)) {
            Optional<Instant> start = startingOn(day).map(Window::start).filter(candidate -> candidate.isAfter(instant));
            if (start.isPresent() && (next == null || start.get().isBefore(next))) {
                next = start.get();
            }
        }
        return Optional.ofNullable(next);
    }

    /** The occurrence that starts on this local date, if the window runs that day. */
    Optional<Window> startingOn(LocalDate day) {
        if (!days.contains(day.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant from = ZonedDateTime.of(day, start, zone).toInstant();
        Instant until = ZonedDateTime.of(crossesMidnight() ? day.plusDays(1) : day, end, zone).toInstant();
        return until.isAfter(from) ? Optional.of(new Window(from, until)) : Optional.empty();
    }
}
