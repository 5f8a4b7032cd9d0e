package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Weekly windows in America/New_York across the 2026 US daylight-saving changes (March 8 and November 1). */
class MaintenanceWindowsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static MaintenanceWindows weekly(DayOfWeek day, String start, String end) {
        return new MaintenanceWindows(List.of(new WeeklyWindow(Set.of(day), LocalTime.parse(start), LocalTime.parse(end),
                NEW_YORK)));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void activeAtShouldUseEasternStandardTimeInWinter() {
        MaintenanceWindows windows = weekly(DayOfWeek.SATURDAY, "18:00", "22:00");

        assertThat(windows.activeAt(at("2026-01-03T23:00:00Z")))
                .contains(new Window(at("2026-01-03T23:00:00Z"), at("2026-01-04T03:00:00Z")));
        assertThat(windows.activeAt(at("2026-01-03T22:59:59Z"))).isEmpty();
        assertThat(windows.activeAt(at("2026-01-04T03:00:00Z"))).isEmpty();
    }

    @Test
    void activeAtShouldUseEasternDaylightTimeInSummer() {
        MaintenanceWindows windows = weekly(DayOfWeek.SATURDAY, "18:00", "22:00");

        assertThat(windows.activeAt(at("2026-07-04T22:00:00Z")))
                .contains(new Window(at("2026-07-04T22:00:00Z"), at("2026-07-05T02:00:00Z")));
        assertThat(windows.activeAt(at("2026-07-04T21:59:59Z"))).isEmpty();
    }

    @Test
    void activeAtShouldLastOneHourLessWhenTheClocksSpringForwardInsideTheWindow() {
        MaintenanceWindows windows = weekly(DayOfWeek.SATURDAY, "22:00", "04:00");

        // Saturday 22:00 EST is 03:00 UTC; Sunday 04:00 EDT is 08:00 UTC: five hours, not six.
        assertThat(windows.activeAt(at("2026-03-08T07:30:00Z")))
                .contains(new Window(at("2026-03-08T03:00:00Z"), at("2026-03-08T08:00:00Z")));
        assertThat(windows.activeAt(at("2026-03-08T08:00:00Z"))).isEmpty();
    }

    @Test
    void activeAtShouldLastOneHourMoreWhenTheClocksFallBackInsideTheWindow() {
        MaintenanceWindows windows = weekly(DayOfWeek.SATURDAY, "22:00", "04:00");

        // Saturday 22:00 EDT is 02:00 UTC; Sunday 04:00 EST is 09:00 UTC: seven hours.
        assertThat(windows.activeAt(at("2026-11-01T08:30:00Z")))
                .contains(new Window(at("2026-11-01T02:00:00Z"), at("2026-11-01T09:00:00Z")));
    }

    @Test
    void activeAtShouldStartAtTheFirstValidTimeWhenTheStartFallsInTheSpringForwardGap() {
        MaintenanceWindows windows = weekly(DayOfWeek.SUNDAY, "02:30", "04:00");

        // 02:30 does not exist on March 8: it becomes 03:30 EDT (07:30 UTC).
        assertThat(windows.activeAt(at("2026-03-08T07:45:00Z")))
                .contains(new Window(at("2026-03-08T07:30:00Z"), at("2026-03-08T08:00:00Z")));
        assertThat(windows.activeAt(at("2026-03-08T07:15:00Z"))).isEmpty();
    }

    @Test
    void activeAtShouldStartAtTheFirstOccurrenceWhenTheStartIsRepeatedByTheFallBack() {
        MaintenanceWindows windows = weekly(DayOfWeek.SUNDAY, "01:30", "02:30");

        // 01:30 happens twice on November 1; the window starts at the first (EDT, 05:30 UTC) and ends 02:30 EST.
        assertThat(windows.activeAt(at("2026-11-01T06:45:00Z")))
                .contains(new Window(at("2026-11-01T05:30:00Z"), at("2026-11-01T07:30:00Z")));
    }

    @Test
    void activeAtShouldFindAWindowThatCrossesMidnightFromTheNextDay() {
        MaintenanceWindows windows = weekly(DayOfWeek.FRIDAY, "23:00", "01:00");

        // Saturday 00:30 EST belongs to Friday's window.
        assertThat(windows.activeAt(at("2026-01-10T05:30:00Z")))
                .contains(new Window(at("2026-01-10T04:00:00Z"), at("2026-01-10T06:00:00Z")));
        assertThat(windows.activeAt(at("2026-01-10T06:00:00Z"))).isEmpty();
    }

    @Test
    void activeAtShouldEndWithTheLastOfOverlappingOrFollowingWindows() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(
                new WeeklyWindow(Set.of(DayOfWeek.SATURDAY), LocalTime.of(18, 0), LocalTime.of(22, 0), NEW_YORK),
                new OneOffWindow(at("2026-01-04T02:00:00Z"), at("2026-01-04T05:00:00Z")),
                new OneOffWindow(at("2026-01-04T05:00:00Z"), at("2026-01-04T06:00:00Z"))));

        assertThat(windows.activeAt(at("2026-01-03T23:30:00Z")))
                .contains(new Window(at("2026-01-03T23:00:00Z"), at("2026-01-04T06:00:00Z")));
    }

    @Test
    void activeAtShouldFindAOneOffWindowOnlyBetweenItsStartAndEnd() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(
                new OneOffWindow(at("2026-12-24T23:00:00Z"), at("2026-12-25T11:00:00Z"))));

        assertThat(windows.activeAt(at("2026-12-25T00:00:00Z"))).isPresent();
        assertThat(windows.activeAt(at("2026-12-25T11:00:00Z"))).isEmpty();
        assertThat(windows.activeAt(at("2026-12-24T22:59:59Z"))).isEmpty();
    }

    @Test
    void nextStartShouldGiveTheComingWindowInUtcAcrossTheSpringForward() {
        MaintenanceWindows windows = weekly(DayOfWeek.SATURDAY, "22:00", "04:00");

        assertThat(windows.nextStart(at("2026-03-07T12:00:00Z"))).contains(at("2026-03-08T03:00:00Z"));
        // During the window, the next start is the following Saturday, now in daylight time (22:00 EDT = 02:00Z).
        assertThat(windows.nextStart(at("2026-03-08T03:00:00Z"))).contains(at("2026-03-15T02:00:00Z"));
    }

    @Test
    void nextStartShouldBeEmptyWhenNoWindowIsLeft() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(
                new OneOffWindow(at("2026-12-24T23:00:00Z"), at("2026-12-25T11:00:00Z"))));

        assertThat(windows.nextStart(at("2026-12-24T23:00:00Z"))).isEmpty();
        assertThat(MaintenanceWindows.none().nextStart(at("2026-12-24T23:00:00Z"))).isEmpty();
        assertThat(MaintenanceWindows.none().activeAt(at("2026-12-24T23:00:00Z"))).isEmpty();
    }
}
