package org.smg.gateway.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.smg.gateway.enrollment.SessionEnd;
import org.smg.policies.model.Window;

/**
 * A maintenance window in force, with the words every protocol uses for it. The end is what a citizen needs to
 * know, so it is shown in the window's own time zone and in UTC, both ISO-8601:
 * {@code 2026-11-28T22:00:00-05:00 America/New_York (2026-11-29T03:00:00Z)}.
 *
 * @param zone the zone the administrator wrote the window in (UTC for a one-off window, whose offset is not kept)
 */
public record Downtime(Window window, ZoneId zone) {
    public Downtime {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(zone, "zone");
    }

    public Instant end() {
        return window.end();
    }

    /** The end in the window's zone and in UTC. */
    public String until() {
        Instant end = window.end().truncatedTo(ChronoUnit.SECONDS);
        String utc = DateTimeFormatter.ISO_INSTANT.format(end);
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return utc;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.atZone(zone)) + " " + zone.getId() + " (" + utc + ")";
    }

    /** After the IMAP {@code NO}: RFC 5530's code for a temporary failure, then when to come back. */
    public String imapRefusal() {
        return "[UNAVAILABLE] Down for maintenance until " + until() + "; try again then";
    }

    /** The SMTP reply text after {@code 421}: RFC 3463's 4.3.2, "system not accepting network messages". */
    public String smtpRefusal() {
        return "4.3.2 Down for maintenance until " + until() + "; try again then";
    }

    /** What an open session is told as the window starts. */
    public SessionEnd sessionEnd() {
        return SessionEnd.maintenance("Maintenance has begun; the service is back at " + until());
    }

    /** Whole seconds from the instant to the end, at least 1: the HTTP Retry-After value. */
    public long secondsLeft(Instant now) {
        long millis = Duration.between(now, window.end()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
