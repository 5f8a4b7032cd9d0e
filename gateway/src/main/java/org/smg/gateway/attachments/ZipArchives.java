package org.smg.gateway.attachments;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.smg.policies.model.AttachmentRules;

/** Opening ZIP-based files from spooled content and the expansion limit of one entry, shared by the ZIP checks. */
final class ZipArchives {

    private ZipArchives() {
    }

    /**
     * Opens the archive from its central directory over the content's own channel (no copy).
     *
     * @throws UnreadableArchiveException when it is not a readable ZIP
     */
    static ZipFile open(SpooledContent content) throws IOException {
        SeekableByteChannel channel = content.channel();
        try {
            return ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (IOException | RuntimeException e) {
            // commons-compress reports a corrupt directory with IOException and, for some corruptions, with runtime
            // exceptions; either way the archive cannot be checked
            channel.close();
            throw new UnreadableArchiveException(e);
        }
    }

    /**
     * Refuses an archive whose end record declares more entries than the limit allows, before its central directory
     * is loaded ({@link CentralDirectoryEnd}); the count is checked again, entry by entry, once it is loaded.
     */
    static Optional<Refusal> tooManyEntries(String fileName, SpooledContent content, AttachmentRules rules,
                                            long entriesAlready) throws IOException {
        OptionalLong declared;
        try (SeekableByteChannel channel = content.channel()) {
            declared = CentralDirectoryEnd.declaredEntries(channel);
        }
        if (declared.isPresent() && declared.getAsLong() + entriesAlready > rules.archiveMaxEntries()) {
            return Optional.of(new Refusal(fileName, RefusalReason.ARCHIVE_LIMIT, ZipStructureCheck.tooManyEntries(rules)));
        }
        return Optional.empty();
    }

    /**
     * The most bytes an entry may expand to: what it declares, within the remaining expanded budget and the ratio
     * to its compressed size (above {@link ZipStructureCheck#RATIO_FLOOR}). Counted while expanding.
     */
    static long expansionLimit(ZipArchiveEntry entry, AttachmentRules rules, ArchiveBudget budget) {
        long remaining = Math.max(0, rules.archiveMaxExpandedSize() - budget.expandedBytes());
        long byRatio = Math.max(ZipStructureCheck.RATIO_FLOOR,
                multiplySaturated(entry.getCompressedSize(), rules.archiveMaxExpansionRatio()));
        return Math.min(entry.getSize(), Math.min(remaining, byRatio));
    }

    private static long multiplySaturated(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The content is not a ZIP that can be read. */
    static final class UnreadableArchiveException extends IOException {
        UnreadableArchiveException(Exception cause) {
            super("the archive cannot be read", cause);
        }
    }
}
