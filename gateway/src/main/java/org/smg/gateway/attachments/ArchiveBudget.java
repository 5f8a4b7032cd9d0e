package org.smg.gateway.attachments;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one attached file may still expand to, shared by every archive nested inside it: the depth reached, and
 * the entries and expanded bytes used so far against the policy's limits. A 42.zip-style bomb runs out of budget
 * at its first levels instead of being expanded.
 */
public final class ArchiveBudget {
    private final int depth;
    private final AtomicLong entries;
    private final AtomicLong expandedBytes;

    private ArchiveBudget(int depth, AtomicLong entries, AtomicLong expandedBytes) {
        this.depth = depth;
        this.entries = entries;
        this.expandedBytes = expandedBytes;
    }

    /** The budget of an attached file itself (depth 0: not inside any archive). */
    public static ArchiveBudget forAttachment() {
        return new ArchiveBudget(0, new AtomicLong(), new AtomicLong());
    }

    /** The budget of the entries of an archive found at this level: one level deeper, same counters. */
    public ArchiveBudget inside() {
        return new ArchiveBudget(depth + 1, entries, expandedBytes);
    }

    /** How many archives enclose the file this budget is for (0 for an attached file). */
    public int depth() {
        return depth;
    }

    /** Counts one more entry; returns the total so far. */
    public long addEntry() {
        return entries.incrementAndGet();
    }

    /** Counts expanded bytes; returns the total so far. */
    public long addExpanded(long bytes) {
        return expandedBytes.addAndGet(bytes);
    }

    public long entries() {
        return entries.get();
    }

    public long expandedBytes() {
        return expandedBytes.get();
    }
}
