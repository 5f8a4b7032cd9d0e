package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A wrong password takes as long to refuse for an account that does not exist as for one that does. */
class AccountProbingIntegrationTest {
    private static final int WARM_UP = 3;
    private static final int MEASURED = 20;

    /** No throttling delays: they are the same for both kinds of name (LoginThrottleTest), and would only add noise. */
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
            .with("limits.auth.maxDelay", "0s");

    /**
     * Pairs of attempts, one per kind, in alternating order (existing first, then unknown first), so
     * that load from elsewhere on the machine hits both kinds alike; the median of the pairs'
     * ratios must be within 20% of 1, as must the ratio of the two lower quartiles. Load from other
     * tests running at once only adds time, in bursts; the lower quartile is what an attempt costs
     * without them, and a name that skipped the hashing would show there as plainly as anywhere.
     */
    @Test
    void wrongPasswordShouldTakeAsLongForAnUnknownAccountAsForAnExistingOne() throws Exception {
        String existing = gateway.demoAddress();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + existing.substring(existing.indexOf('@'));
        for (int i = 0; i < WARM_UP; i++) {
            timedFailedLogin(existing);
            timedFailedLogin(unknown);
        }
        List<Long> existingMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();

        for (int i = 0; i < MEASURED; i++) {
            long existingTime;
            long unknownTime;
            if (i % 2 == 0) {
                existingTime = timedFailedLogin(existing).toMillis();
                unknownTime = timedFailedLogin(unknown).toMillis();
            } else {
                unknownTime = timedFailedLogin(unknown).toMillis();
                existingTime = timedFailedLogin(existing).toMillis();
            }
            existingMillis.add(existingTime);
            unknownMillis.add(unknownTime);
            ratios.add((double) unknownTime / existingTime);
        }

        String measures = "ms, existing account " + existingMillis + " vs unknown " + unknownMillis;
        assertThat(median(ratios)).as("median of paired unknown/existing ratios; " + measures).isBetween(0.8, 1.2);
        assertThat((double) lowerQuartile(unknownMillis) / lowerQuartile(existingMillis)).as("ratio of lower quartiles; " + measures)
            .isBetween(0.8, 1.2);
    }

    /** Time from sending LOGIN with a wrong password to its tagged NO, the TLS handshake excluded. */
    private static Duration timedFailedLogin(String account) throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            long started = System.nanoTime();
            List<String> reply = imap.command("a1", "LOGIN " + account + " wrong-" + UUID.randomUUID());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply).last().asString().startsWith("a1 NO LOGIN failed");
            return elapsed;
        }
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        return quantile(values, 2);
    }

    private static <T extends Comparable<T>> T lowerQuartile(List<T> values) {
        return quantile(values, 4);
    }

    /** The value at 1/{@code parts} of the sorted values. */
    private static <T extends Comparable<T>> T quantile(List<T> values, int parts) {
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / parts);
    }
}
