package org.smg.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CoalescingTest {
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Instant SENT = Instant.parse("2024-06-01T10:00:00Z");

    @Test
    void onDeliveryShouldSendNowWhenNothingWasEverSent() {
        Coalescing.Decision decision = Coalescing.onDelivery(Optional.empty(), SENT, INTERVAL);

        assertThat(decision).isInstanceOf(Coalescing.SendNow.class);
    }

    @Test
    void onDeliveryShouldFollowUpAtTheIntervalsEndWhenWithinTheInterval() {
        NotificationState last = new NotificationState("a@gateway.test", SENT, Optional.empty());

        Coalescing.Decision decision = Coalescing.onDelivery(Optional.of(last), SENT.plusSeconds(59), INTERVAL);

        assertThat(decision).isEqualTo(new Coalescing.FollowUpAt(SENT.plus(INTERVAL)));
    }

    @Test
    void onDeliveryShouldSendNowWhenTheIntervalEndedExactly() {
        NotificationState last = new NotificationState("a@gateway.test", SENT, Optional.of(SENT.plus(INTERVAL)));

        Coalescing.Decision decision = Coalescing.onDelivery(Optional.of(last), SENT.plus(INTERVAL), INTERVAL);

        assertThat(decision).isInstanceOf(Coalescing.SendNow.class);
    }

    @Test
    void onDeliveryShouldSendNowWhenTheClockWasSetBackBeforeTheLastNotification() {
        NotificationState last = new NotificationState("a@gateway.test", SENT, Optional.empty());

        Coalescing.Decision decision = Coalescing.onDelivery(Optional.of(last), SENT.minus(Duration.ofDays(1)), INTERVAL);

        assertThat(decision).isInstanceOf(Coalescing.SendNow.class);
    }

    @Test
    void onDeliveryShouldKeepTheEarlierFollowUpWhenTheIntervalWasShortenedByAReload() {
        NotificationState last = new NotificationState("a@gateway.test", SENT, Optional.of(SENT.plus(Duration.ofMinutes(5))));

        Coalescing.Decision decision = Coalescing.onDelivery(Optional.of(last), SENT.plusSeconds(60), INTERVAL);

        assertThat(decision).isEqualTo(new Coalescing.FollowUpAt(SENT.plus(Duration.ofMinutes(5))));
    }
}
