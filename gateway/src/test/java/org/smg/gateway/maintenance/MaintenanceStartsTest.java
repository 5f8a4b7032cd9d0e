package org.smg.gateway.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.testing.MutableClock;
import org.smg.policies.model.PolicyHolder;

class MaintenanceStartsTest {
    private static final Instant SATURDAY_START = Instant.parse("2026-11-28T23:00:00Z");
    private static final Instant SATURDAY_END = Instant.parse("2026-11-29T03:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final AccountSessions sessions = new AccountSessions();
    private final List<String> ended = Collections.synchronizedList(new ArrayList<>());
    private MaintenanceStarts starts;

    private MaintenanceStarts starts(PolicyHolder policies) {
        starts = new MaintenanceStarts(new Maintenance(policies, clock), sessions, policies);
        return starts;
    }

    @AfterEach
    void stopTimer() {
        if (starts != null) {
            starts.stop();
        }
    }

    @Test
    void checkShouldEndEverySessionOnceWhenAWindowStarts() throws Exception {
        MaintenanceStarts starts = starts(MaintenancePolicies.load(directory, MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK));
        sessions.register("jane@gateway.test", "imap", why -> ended.add("jane " + why.explanation()));
        clock.set(SATURDAY_START.minus(Duration.ofMinutes(30)));

        Instant firstWake = starts.check();
        clock.set(SATURDAY_START);
        Instant secondWake = starts.check();
        sessions.register("otto@gateway.test", "imap", why -> ended.add("otto"));
        clock.set(SATURDAY_END.minus(Duration.ofMinutes(10)));
        Instant thirdWake = starts.check();

        assertThat(firstWake).isEqualTo(SATURDAY_START);
        assertThat(secondWake).isEqualTo(SATURDAY_START.plus(MaintenanceStarts.LONGEST_SLEEP));
        assertThat(thirdWake).isEqualTo(SATURDAY_END);
        assertThat(ended).containsExactly(
            "jane Maintenance has begun; the service is back at 2026-11-28T22:00:00-05:00 America/New_York (2026-11-29T03:00:00Z)");
        assertThat(sessions.count("otto@gateway.test")).isEqualTo(1);
    }

    @Test
    void checkShouldEndSessionsAgainWhenTheNextWeeksWindowStarts() throws Exception {
        MaintenanceStarts starts = starts(MaintenancePolicies.load(directory, MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK));
        clock.set(SATURDAY_START);
        starts.check();
        clock.set(SATURDAY_END);
        Instant afterEnd = starts.check();
        sessions.register("jane@gateway.test", "imap", why -> ended.add("jane"));

        clock.set(SATURDAY_START.plus(Duration.ofDays(7)));
        starts.check();

        assertThat(afterEnd).isEqualTo(SATURDAY_END.plus(MaintenanceStarts.LONGEST_SLEEP));
        assertThat(ended).containsExactly("jane");
    }

    @Test
    void checkShouldWakeAtAWindowWrittenAfterStartWhenThePoliciesAreReloaded() throws Exception {
        PolicyHolder policies = MaintenancePolicies.load(directory, "weekly: []\nonce: []\n");
        MaintenanceStarts starts = starts(policies);
        Instant before = starts.check();

        MaintenancePolicies.write(directory, """
            once:
              - start: 2026-11-28T12:00:20Z
                end: 2026-11-28T12:01:00Z
            """);
        policies.reload();
        Instant after = starts.check();

        assertThat(before).isEqualTo(clock.instant().plus(MaintenanceStarts.LONGEST_SLEEP));
        assertThat(after).isEqualTo(Instant.parse("2026-11-28T12:00:20Z"));
    }

    @Test
    void startShouldEndASessionThatRegistersDuringAWindow() throws Exception {
        MaintenanceStarts starts = starts(MaintenancePolicies.load(directory, MaintenancePolicies.SATURDAY_EVENINGS_NEW_YORK));
        clock.set(SATURDAY_START.plusSeconds(1));
        starts.start();

        sessions.register("jane@gateway.test", "smtp", why -> ended.add("jane " + why.cause()));

        assertThat(ended).containsExactly("jane MAINTENANCE");
        assertThat(sessions.count("jane@gateway.test")).isZero();
    }
}
