package org.smg.gateway.attachments;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.smg.policies.model.AttachmentRules;

/**
 * Everything about a ZIP that can be refused before expanding a byte of it, from its central directory and local
 * headers: too many entries, too much declared expansion (total and ratio), encrypted entries, compression methods
 * we do not expand, local headers that disagree with the central directory, and entries whose bytes overlap (David
 * Fifield's "better zip bomb", where many entries share one highly compressed kernel).
 */
final class ZipStructureCheck {
    /**
     * Expansion ratios are checked above this many expanded bytes only: a few kilobytes of repeated text legitimately
     * compress more than 100 times, and amplification below a megabyte costs nothing.
     */
    static final long RATIO_FLOOR = 1024 * 1024;
    /** The compression methods entries are expanded with (what archivers write and clamd reads). */
    private static final Set<Integer> EXPANDED_METHODS = Set.of(ZipMethod.STORED.getCode(),
            ZipMethod.DEFLATED.getCode(), ZipMethod.ENHANCED_DEFLATED.getCode());
    private static final long ZIP64_MARKER = 0xFFFFFFFFL;

    private ZipStructureCheck() {
    }

    /**
     * @param channel a channel of the archive for reading its local headers
     * @param countEntries whether the entries count against the shared budget (archives) or only against the
     *     limit for this file (document packages, whose parts are not files)
     */
    static Optional<Refusal> check(String fileName, List<ZipArchiveEntry> entries, SeekableByteChannel channel,
                                   AttachmentRules rules, ArchiveBudget budget, boolean countEntries) throws IOException {
        long entryCount = countEntries ? budget.entries() + entries.size() : entries.size();
        if (countEntries) {
            entries.forEach(entry -> budget.addEntry());
        }
        if (entryCount > rules.archiveMaxEntries()) {
            return refusal(fileName, RefusalReason.ARCHIVE_LIMIT, tooManyEntries(rules));
        }
        long declaredTotal = 0;
        for (ZipArchiveEntry entry : entries) {
            Optional<Refusal> refusal = checkEntry(fileName, entry, rules);
            if (refusal.isPresent()) {
                return refusal;
            }
            declaredTotal = saturatedAdd(declaredTotal, entry.getSize());
        }
        if (saturatedAdd(declaredTotal, budget.expandedBytes()) > rules.archiveMaxExpandedSize()) {
            return refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                    "the archive expands to more than " + rules.archiveMaxExpandedSize() + " bytes");
        }
        if (declaredTotal > RATIO_FLOOR && declaredTotal / rules.archiveMaxExpansionRatio() > channel.size()) {
            return refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                    "the archive expands more than " + rules.archiveMaxExpansionRatio() + " times its size (a zip bomb)");
        }
        return checkLocalHeaders(fileName, entries, channel);
    }

    static String tooManyEntries(AttachmentRules rules) {
        return "the archive holds more than " + rules.archiveMaxEntries() + " files (nested archives included)";
    }

    private static Optional<Refusal> checkEntry(String fileName, ZipArchiveEntry entry, AttachmentRules rules) {
        if (entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()) {
            return refusal(fileName, RefusalReason.ENCRYPTED, "password-protected archives cannot be scanned");
        }
        if (!EXPANDED_METHODS.contains(entry.getMethod())) {
            return refusal(fileName, RefusalReason.UNSCANNABLE,
                    "the archive uses a compression method that cannot be checked (method " + entry.getMethod() + ")");
        }
        if (entry.getSize() < 0 || entry.getCompressedSize() < 0) {
            return refusal(fileName, RefusalReason.MALFORMED, "the archive's directory does not state its sizes");
        }
        if (entry.getSize() > RATIO_FLOOR
                && entry.getSize() / rules.archiveMaxExpansionRatio() > entry.getCompressedSize()) {
            return refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                    "a file in the archive expands more than " + rules.archiveMaxExpansionRatio() + " times (a zip bomb)");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkLocalHeaders(String fileName, List<ZipArchiveEntry> entries,
                                                       SeekableByteChannel channel) throws IOException {
        long[][] ranges = new long[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            ZipArchiveEntry entry = entries.get(i);
            LocalFileHeader local;
            try {
                local = LocalFileHeader.read(channel, entry.getLocalHeaderOffset());
            } catch (IOException e) {
                return disagreeing(fileName);
            }
            if (!agrees(local, entry)) {
                return disagreeing(fileName);
            }
            ranges[i] = new long[] {entry.getLocalHeaderOffset(), local.dataOffset() + entry.getCompressedSize()};
        }
        Arrays.sort(ranges, Comparator.comparingLong(range -> range[0]));
        for (int i = 1; i < ranges.length; i++) {
            if (ranges[i][0] < ranges[i - 1][1]) {
                return refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                        "files in the archive overlap each other (a zip bomb)");
            }
        }
        return Optional.empty();
    }

    private static boolean agrees(LocalFileHeader local, ZipArchiveEntry entry) {
        boolean same = Arrays.equals(local.rawName(), entry.getRawName())
                && local.method() == entry.getMethod()
                && local.encrypted() == entry.getGeneralPurposeBit().usesEncryption();
        if (!same || local.hasDataDescriptor()) {
            return same;
        }
        return local.crc() == entry.getCrc()
                && (local.size() == ZIP64_MARKER || local.size() == entry.getSize())
                && (local.compressedSize() == ZIP64_MARKER || local.compressedSize() == entry.getCompressedSize());
    }

    private static Optional<Refusal> disagreeing(String fileName) {
        return refusal(fileName, RefusalReason.MALFORMED,
                "the archive's local file headers disagree with its central directory");
    }

    private static Optional<Refusal> refusal(String fileName, RefusalReason reason, String explanation) {
        return Optional.of(new Refusal(fileName, reason, explanation));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
