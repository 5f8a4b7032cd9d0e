package org.smg.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * Recent failure counts per key (an account name, a client address) in a table of fixed size.
 *
 * <p>Keys come from unauthenticated clients, so the table never grows: it holds
 * {@code buckets x WAYS} entries in preallocated arrays. A key is placed by a SipHash keyed with
 * a random secret, so a client cannot aim names at the bucket of a real account. When a bucket
 * is full, a new key replaces the stale entry or else the one with the fewest failures (the
 * oldest among equals): a flood of one-time random names evicts other one-time names, while an
 * account under attack keeps its high count. Counts are forgotten after {@code memory} of quiet.
 */
final class FailureTable {
    static final int WAYS = 8;

    private final Clock clock;
    private final long memoryMillis;
    private final int buckets;
    private final HashFunction hash;
    private final long[] fingerprints;
    private final int[] counts;
    private final long[] lastFailures;

    /** A table of at least {@code capacity} entries (rounded up to whole buckets). */
    FailureTable(int capacity, Duration memory, Clock clock) {
        if (capacity < WAYS) {
            throw new IllegalArgumentException("capacity must be at least " + WAYS + ", was " + capacity);
        }
        SecureRandom random = new SecureRandom();
        this.clock = clock;
        this.memoryMillis = memory.toMillis();
        this.buckets = (capacity + WAYS - 1) / WAYS;
        this.hash = Hashing.sipHash24(random.nextLong(), random.nextLong());
        this.fingerprints = new long[buckets * WAYS];
        this.counts = new int[buckets * WAYS];
        this.lastFailures = new long[buckets * WAYS];
    }

    /** Recent failures for the key, 0 when unknown or stale. */
    synchronized int count(String key) {
        int slot = find(fingerprint(key), clock.millis());
        return slot < 0 ? 0 : counts[slot];
    }

    /** Adds a failure for the key and returns its recent failures, this one included. */
    synchronized int increment(String key) {
        long now = clock.millis();
        long fingerprint = fingerprint(key);
        int slot = find(fingerprint, now);
        if (slot < 0) {
            slot = victim(fingerprint, now);
            fingerprints[slot] = fingerprint;
            counts[slot] = 0;
        }
        counts[slot]++;
        lastFailures[slot] = now;
        return counts[slot];
    }

    /** Takes one failure back, e.g. an attempt counted in advance that then succeeded. */
    synchronized void decrement(String key) {
        int slot = find(fingerprint(key), clock.millis());
        if (slot >= 0 && --counts[slot] <= 0) {
            counts[slot] = 0;
        }
    }

    /** Forgets the key's failures. */
    synchronized void clear(String key) {
        int slot = find(fingerprint(key), clock.millis());
        if (slot >= 0) {
            counts[slot] = 0;
        }
    }

    /** Number of keys with recent failures. */
    synchronized int size() {
        long now = clock.millis();
        int live = 0;
        for (int slot = 0; slot < counts.length; slot++) {
            live += isLive(slot, now) ? 1 : 0;
        }
        return live;
    }

    int capacity() {
        return counts.length;
    }

    private long fingerprint(String key) {
        long fingerprint = hash.hashString(key, StandardCharsets.UTF_8).asLong();
        return fingerprint == 0 ? 1 : fingerprint; // 0 marks an empty slot
    }

    private int find(long fingerprint, long now) {
        int first = firstSlot(fingerprint);
        for (int slot = first; slot < first + WAYS; slot++) {
            if (fingerprints[slot] == fingerprint && isLive(slot, now)) {
                return slot;
            }
        }
        return -1;
    }

    /** The slot a new key takes: a free or stale one, else the one with the fewest and oldest failures. */
    private int victim(long fingerprint, long now) {
        int first = firstSlot(fingerprint);
        int victim = first;
        for (int slot = first; slot < first + WAYS; slot++) {
            if (!isLive(slot, now)) {
                return slot;
            }
            boolean fewer = counts[slot] < counts[victim];
            boolean asFewButOlder = counts[slot] == counts[victim] && lastFailures[slot] < lastFailures[victim];
            if (fewer || asFewButOlder) {
                victim = slot;
            }
        }
        return victim;
    }

    private int firstSlot(long fingerprint) {
        return (int) Long.remainderUnsigned(fingerprint >>> 1, buckets) * WAYS;
    }

    private boolean isLive(int slot, long now) {
        return fingerprints[slot] != 0 && counts[slot] > 0 && now - lastFailures[slot] <= memoryMillis;
    }
}
