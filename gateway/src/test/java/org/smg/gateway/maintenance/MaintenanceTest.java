package org.smg.gateway.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.enrollment.SessionEnd;
import org.smg.gateway.testing.MutableClock;

class MaintenanceTest {
    private static final String NIGHTS_ACROSS_DST = """
        weekly:
          - days: [SAT]
            start: "22:00"
            end: "06:00"
            zone: America/New_York
        """;

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();

    private Maintenance maintenance(String yaml) throws Exception {
        return new Maintenance(MaintenancePolicies.load(directory, yaml), clock);
    }

    @Test
    void nowShouldShowTheEndInTheWindowsZoneAndInUtcWhenAWinterWindowIsInForce() throws Exception {
        Maintenance maintenance = maintenance(MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK);
        clock.set(Instant.parse("2026-11-28T23:30:00Z"));

        Optional<Downtime> downtime = maintenance.now();

        assertThat(downtime).map(Downtime::until)
            .contains("2026-11-28T22:00:00-05:00 America/New_York (2026-11-29T03:00:00Z)");
    }

    @Test
    void nowShouldFollowDaylightSavingWhenASummerWindowIsInForce() throws Exception {
        Maintenance maintenance = maintenance(MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK);

        clock.set(Instant.parse("2026-07-11T21:59:59Z"));
        Optional<Downtime> before = maintenance.now();
        clock.set(Instant.parse("2026-07-11T22:00:00Z"));
        Optional<Downtime> atStart = maintenance.now();

        assertThat(before).isEmpty();
        assertThat(atStart).map(Downtime::until)
            .contains("2026-07-11T22:00:00-04:00 America/New_York (2026-07-12T02:00:00Z)");
    }

    @Test
    void nowShouldEndAnHourLaterInUtcWhenTheWindowSpansTheAutumnChange() throws Exception {
        Maintenance maintenance = maintenance(NIGHTS_ACROSS_DST);
        // 01:30 New York time happens twice on 1 November 2026; this is the first (EDT).
        clock.set(Instant.parse("2026-11-01T05:30:00Z"));

        Optional<Downtime> downtime = maintenance.now();

        assertThat(downtime).map(Downtime::window).map(window -> window.start())
            .contains(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(downtime).map(Downtime::until)
            .contains("2026-11-01T06:00:00-05:00 America/New_York (2026-11-01T11:00:00Z)");
    }

    @Test
    void nowShouldEndAnHourEarlierInUtcWhenTheWindowSpansTheSpringChange() throws Exception {
        Maintenance maintenance = maintenance(NIGHTS_ACROSS_DST);

        clock.set(Instant.parse("2026-03-08T09:59:59Z"));
        Optional<Downtime> lastSecond = maintenance.now();
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        Optional<Downtime> after = maintenance.now();

        assertThat(lastSecond).map(Downtime::until)
            .contains("2026-03-08T06:00:00-04:00 America/New_York (2026-03-08T10:00:00Z)");
        assertThat(after).isEmpty();
    }

    @Test
    void nowShouldShowUtcOnlyWhenOnlyAOneOffWindowIsWritten() throws Exception {
        Maintenance maintenance = maintenance("""
            once:
              - start: 2026-12-24T18:00-05:00
                end: 2026-12-25T06:00-05:00
            """);
        clock.set(Instant.parse("2026-12-25T00:00:00Z"));

        Optional<Downtime> downtime = maintenance.now();

        assertThat(downtime).map(Downtime::until).contains("2026-12-25T11:00:00Z");
    }

    @Test
    void nowShouldBeEmptyWhenNoWindowIsWritten() throws Exception {
        Maintenance maintenance = maintenance("weekly: []\nonce: []\n");

        assertThat(maintenance.now()).isEmpty();
        assertThat(maintenance.nextStart(clock.instant())).isEmpty();
    }

    @Test
    void refusalsShouldCarryTheProtocolCodesAndTheEnd() throws Exception {
        Maintenance maintenance = maintenance(MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK);
        clock.set(Instant.parse("2026-11-28T23:30:00Z"));
        Downtime downtime = maintenance.now().orElseThrow();

        String imap = downtime.imapRefusal();
        String smtp = downtime.smtpRefusal();
        SessionEnd end = downtime.sessionEnd();

        String until = "2026-11-28T22:00:00-05:00 America/New_York (2026-11-29T03:00:00Z)";
        assertThat(imap).isEqualTo("[UNAVAILABLE] Down for maintenance until " + until + "; try again then");
        assertThat(smtp).isEqualTo("4.3.2 Down for maintenance until " + until + "; try again then");
        assertThat(end.cause()).isEqualTo(SessionEnd.Cause.MAINTENANCE);
        assertThat(end.explanation()).endsWith(until);
    }

    @Test
    void secondsLeftShouldRoundUpAndNeverBeZero() throws Exception {
        Maintenance maintenance = maintenance(MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK);
        clock.set(Instant.parse("2026-11-29T02:59:58.500Z"));
        Downtime downtime = maintenance.now().orElseThrow();

        long halfSecondsLeft = downtime.secondsLeft(clock.instant());
        long afterEnd = downtime.secondsLeft(Instant.parse("2026-11-29T03:00:05Z"));

        assertThat(halfSecondsLeft).isEqualTo(2);
        assertThat(afterEnd).isEqualTo(1);
    }
}
