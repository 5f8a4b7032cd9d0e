package org.smg.policies.model;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlList;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses maintenance.yaml, optional (absent: {@link MaintenanceWindows#none()}):
 * <pre>
 * weekly:                        # optional
 *   - days: [SAT]                # the days the window starts on: MON TUE WED THU FRI SAT SUN
 *     start: "18:00"             # local time of the zone, 24-hour
 *     end: "22:00"               # at or before start: the next day
 *     zone: America/New_York     # an IANA time zone
 * once:                          # optional
 *   - start: 2026-12-24T18:00-05:00
 *     end: 2026-12-25T06:00-05:00
 * </pre>
 */
final class MaintenanceFile implements PolicyFile<MaintenanceWindows> {

    static final String FILE_NAME = "maintenance.yaml";
    /** A one-off window longer than this is a typo (a year instead of a day), not maintenance. */
    static final Duration MAX_ONE_OFF = Duration.ofDays(7);

    private static final String WEEKLY = "weekly";
    private static final String ONCE = "once";
    private static final String DAYS = "days";
    private static final String START = "start";
    private static final String END = "end";
    private static final String ZONE = "zone";

    private static final Map<String, DayOfWeek> DAY_NAMES = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final ValueType<DayOfWeek> DAY_TYPE = PolicyValueTypes.then(ValueTypes.matching(
            Pattern.compile("MON|TUE|WED|THU|FRI|SAT|SUN"), "a day of the week: MON, TUE, WED, THU, FRI, SAT or SUN"),
            DAY_NAMES::get);
    private static final ValueType<LocalTime> TIME_TYPE = PolicyValueTypes.then(
            ValueTypes.matching(TIME, "a 24-hour local time such as 18:00"), LocalTime::parse);
    private static final ValueType<ZoneId> ZONE_TYPE = zoneType();
    private static final ValueType<Instant> INSTANT_TYPE = instantType();

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(WEEKLY, ONCE);
    }

    @Override
    public Optional<MaintenanceWindows> whenAbsent() {
        return Optional.of(MaintenanceWindows.none());
    }

    @Override
    public Optional<MaintenanceWindows> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        List<WindowRule> rules = new ArrayList<>();
        list(root, WEEKLY, "weekly windows").ifPresent(list -> {
            for (YamlMap item : list.maps(DAYS, START, END, ZONE)) {
                weekly(item).ifPresent(rules::add);
            }
        });
        list(root, ONCE, "one-off windows").ifPresent(list -> {
            for (YamlMap item : list.maps(START, END)) {
                once(item).ifPresent(rules::add);
            }
        });
        if (root.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceWindows(rules));
    }

    /** An optional list that may be empty ([]), so a file can hold no window at all. */
    private static Optional<YamlList> list(YamlMap root, String field, String description) {
        return root.has(field) ? root.requiredListOrEmpty(field, description) : Optional.empty();
    }

    private static Optional<WindowRule> weekly(YamlMap item) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int before = item.problems().count();
        item.requiredList(DAYS, "days of the week").ifPresent(list -> list.scalars(new ValueType<DayOfWeek>() {
            @Override
            public String expected() {
                return DAY_TYPE.expected();
            }

            @Override
            public DayOfWeek parse(String text) {
                DayOfWeek day = DAY_TYPE.parse(text);
                if (!days.add(day)) {
                    throw new IllegalArgumentException("duplicate day '" + text + "'; list each day once");
                }
                return day;
            }
        }));
        Optional<LocalTime> start = item.required(START, TIME_TYPE);
        Optional<LocalTime> end = item.required(END, TIME_TYPE);
        if (start.isPresent() && start.equals(end)) {
            item.problems().add(item.line(END), item.pathOf(END), "the window ends when it starts; expected an end"
                    + " after the start, or before it for a window that crosses midnight");
        }
        Optional<ZoneId> zone = item.required(ZONE, ZONE_TYPE);
        if (item.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new WeeklyWindow(days, start.get(), end.get(), zone.get()));
    }

    private static Optional<WindowRule> once(YamlMap item) {
        Optional<Instant> start = item.required(START, INSTANT_TYPE);
        Optional<Instant> end = item.required(END, INSTANT_TYPE);
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (!end.get().isAfter(start.get())) {
            item.problems().add(item.line(END), item.pathOf(END), "expected an end after the start ("
                    + start.get() + ")");
            return Optional.empty();
        }
        if (Duration.between(start.get(), end.get()).compareTo(MAX_ONE_OFF) > 0) {
            item.problems().add(item.line(END), item.pathOf(END), "the window lasts "
                    + ValueTypes.format(Duration.between(start.get(), end.get()).withNanos(0))
                    + "; expected at most 7d");
            return Optional.empty();
        }
        return Optional.of(new OneOffWindow(start.get(), end.get()));
    }

    private static ValueType<ZoneId> zoneType() {
        String expected = "a time zone such as America/New_York (an IANA region; not a fixed offset, which would"
                + " ignore daylight-saving time)";
        return PolicyValueTypes.then(ValueTypes.matching(Pattern.compile("[A-Za-z][A-Za-z0-9_+/-]{0,63}"), expected), text -> {
            try {
                ZoneId zone = ZoneId.of(text);
                if (zone instanceof ZoneOffset) {
                    throw new IllegalArgumentException(ValueTypes.expectedButGot(expected, text));
                }
                return zone;
            } catch (DateTimeException unknown) {
                throw new IllegalArgumentException(ValueTypes.expectedButGot(expected, text));
            }
        });
    }

    private static ValueType<Instant> instantType() {
        String expected = "a date and time with its UTC offset such as 2026-12-24T18:00-05:00";
        return PolicyValueTypes.then(ValueTypes.matching(Pattern.compile("[0-9]{4}-.{1,40}"), expected), text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException malformed) {
                throw new IllegalArgumentException(ValueTypes.expectedButGot(expected, text));
            }
        });
    }
}
