package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smg.policies.settings.SettingsException;

class MaintenanceFileTest {

    /** One weekly and one one-off window; line numbers matter to the tests. */
    static final String MAINTENANCE = String.join("\n",
            "weekly:",                                 // 1
            "  - days: [SAT, SUN]",                    // 2
            "    start: \"22:00\"",                    // 3
            "    end: 02:00",                          // 4
            "    zone: America/New_York",              // 5
            "once:",                                   // 6
            "  - start: 2026-12-24T18:00-05:00",       // 7
            "    end: 2026-12-25T06:00-05:00",         // 8
            "");

    private static final String DAY = "a day of the week: MON, TUE, WED, THU, FRI, SAT or SUN";
    private static final String TIME = "a 24-hour local time such as 18:00";
    private static final String ZONE = "a time zone such as America/New_York (an IANA region; not a fixed offset,"
            + " which would ignore daylight-saving time)";
    private static final String INSTANT = "a date and time with its UTC offset such as 2026-12-24T18:00-05:00";

    @TempDir
    Path directory;

    private void withMaintenance(String yaml) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyDirectories.withFile(directory, "maintenance.yaml", yaml);
    }

    private static String maintenanceWith(String find, String replacement) {
        if (!MAINTENANCE.contains(find)) {
            throw new IllegalArgumentException("not in the template: " + find);
        }
        return MAINTENANCE.replace(find, replacement);
    }

    @Test
    void loadShouldReadWeeklyAndOneOffWindows() throws SettingsException {
        withMaintenance(MAINTENANCE);

        MaintenanceWindows windows = PolicyLoader.load(directory).maintenance();

        assertThat(windows.rules()).containsExactly(
                new WeeklyWindow(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(22, 0),
                        LocalTime.of(2, 0), ZoneId.of("America/New_York")),
                new OneOffWindow(Instant.parse("2026-12-24T23:00:00Z"), Instant.parse("2026-12-25T11:00:00Z")));
        assertThat(windows.activeAt(Instant.parse("2026-12-25T00:00:00Z"))).isPresent();
    }

    @Test
    void loadShouldHaveNoWindowWhenTheFileIsAbsentOrItsListsAreEmpty() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        MaintenanceWindows absent = PolicyLoader.load(directory).maintenance();
        PolicyDirectories.withFile(directory, "maintenance.yaml", "weekly: []\nonce: []\n");

        MaintenanceWindows empty = PolicyLoader.load(directory).maintenance();

        assertThat(absent.rules()).isEmpty();
        assertThat(empty.rules()).isEmpty();
    }

    @Test
    void loadShouldReportAllThreeErrorsWithTheirLinesWhenTheFileHasThree() {
        withMaintenance(maintenanceWith("[SAT, SUN]", "[SAT, SONNTAG]")
                .replace("zone: America/New_York", "zone: Eastern")
                .replace("end: 2026-12-25T06:00-05:00", "end: 2026-12-23T06:00-05:00"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "maintenance.yaml:2: weekly[0].days[1]: expected " + DAY + ", got 'SONNTAG'",
                "maintenance.yaml:5: weekly[0].zone: expected " + ZONE + ", got 'Eastern'",
                "maintenance.yaml:8: once[0].end: expected an end after the start (2026-12-24T23:00:00Z)");
    }

    static Stream<Arguments> fieldErrors() {
        return Stream.of(
                arguments("[SAT, SUN]", "[SAT, SAT]",
                        "maintenance.yaml:2: weekly[0].days[1]: duplicate day 'SAT'; list each day once"),
                arguments("[SAT, SUN]", "[sat]", "maintenance.yaml:2: weekly[0].days[0]: expected " + DAY
                        + ", got 'sat'"),
                arguments("[SAT, SUN]", "[]", "maintenance.yaml:2: weekly[0].days: empty value; expected a list of"
                        + " days of the week (at least one)"),
                arguments("[SAT, SUN]", "SAT", "maintenance.yaml:2: weekly[0].days: expected a list of days of the"
                        + " week (at least one), got 'SAT'"),
                arguments("start: \"22:00\"", "start: \"24:00\"", "maintenance.yaml:3: weekly[0].start: expected "
                        + TIME + ", got '24:00'"),
                arguments("start: \"22:00\"", "start: 10pm", "maintenance.yaml:3: weekly[0].start: expected "
                        + TIME + ", got '10pm'"),
                arguments("end: 02:00", "end: \"22:00\"", "maintenance.yaml:4: weekly[0].end: the window ends when"
                        + " it starts; expected an end after the start, or before it for a window that crosses"
                        + " midnight"),
                arguments("    end: 02:00\n", "", "maintenance.yaml:2: weekly[0].end: missing field; expected " + TIME),
                arguments("zone: America/New_York", "zone: America/Gotham", "maintenance.yaml:5: weekly[0].zone:"
                        + " expected " + ZONE + ", got 'America/Gotham'"),
                arguments("zone: America/New_York", "zone: UTC+05:00", "maintenance.yaml:5: weekly[0].zone:"
                        + " expected " + ZONE + ", got 'UTC+05:00'"),
                arguments("start: 2026-12-24T18:00-05:00", "start: 2026-12-24T18:00",
                        "maintenance.yaml:7: once[0].start: expected " + INSTANT + ", got '2026-12-24T18:00'"),
                arguments("end: 2026-12-25T06:00-05:00", "end: 2027-01-24T06:00-05:00",
                        "maintenance.yaml:8: once[0].end: the window lasts 732h; expected at most 7d"),
                arguments("once:", "one:", "maintenance.yaml:6: one: unknown field; allowed fields are: weekly, once"),
                arguments("    zone: America/New_York", "    zone: America/New_York\n    reason: upgrade",
                        "maintenance.yaml:6: weekly[0].reason: unknown field; allowed fields are: days, start, end,"
                                + " zone"));
    }

    @ParameterizedTest
    @MethodSource("fieldErrors")
    void loadShouldNameLineFieldAndWhatIsExpectedWhenAFieldIsWrong(String find, String replacement, String expected) {
        withMaintenance(maintenanceWith(find, replacement));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(expected);
    }
}
