package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.smg.gateway.attachments.ExpansionLimitInputStream.CorruptEntryException;
import org.smg.gateway.attachments.ExpansionLimitInputStream.ExpansionLimitException;
import org.smg.policies.model.AttachmentRules;

/**
 * Opens a ZIP attachment and lets it pass only if every file inside passes: the archive is read from its central
 * directory (never from local headers alone), refused before expansion by {@link ZipStructureCheck} (depth, entries,
 * declared sizes and ratios, encryption, overlapping entries), then each entry is expanded into the {@link Spool}
 * under the remaining budget, counted while it expands, and handed to the {@link FileInspector} one level deeper
 * under the name {@code archive.zip/entry}. Entries are checked depth first and the first refusal ends the walk, so
 * a 42.zip-style bomb stops at its first levels after expanding a handful of small entries.
 */
public final class ZipArchiveCheck implements ContentCheck {
    private final Spool spool;
    private final FileInspector inspector;

    public ZipArchiveCheck(Spool spool, FileInspector inspector) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    @Override
    public Optional<Refusal> check(String fileName, String mediaType, SpooledContent content, AttachmentRules rules,
                                   ArchiveBudget budget) throws IOException {
        if (budget.depth() >= rules.archiveMaxDepth()) {
            return Optional.of(new Refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                    "archives are nested more than " + rules.archiveMaxDepth() + " levels deep"));
        }
        Optional<Refusal> tooMany = ZipArchives.tooManyEntries(fileName, content, rules, budget.entries());
        if (tooMany.isPresent()) {
            return tooMany;
        }
        try (ZipFile zip = ZipArchives.open(content);
             SeekableByteChannel headers = content.channel()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            Optional<Refusal> refusal = ZipStructureCheck.check(fileName, entries, headers, rules, budget, true);
            if (refusal.isPresent()) {
                return refusal;
            }
            for (ZipArchiveEntry entry : entries) {
                if (!entry.isDirectory() || entry.getSize() != 0) { // a "directory" with bytes is inspected like a file
                    refusal = inspectEntry(fileName, zip, entry, rules, budget);
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
            }
            return Optional.empty();
        } catch (ZipArchives.UnreadableArchiveException e) {
            return Optional.of(new Refusal(fileName, RefusalReason.MALFORMED, "the archive cannot be read"));
        }
    }

    private Optional<Refusal> inspectEntry(String archiveName, ZipFile zip, ZipArchiveEntry entry, AttachmentRules rules,
                                           ArchiveBudget budget) throws IOException {
        String entryName = archiveName + "/" + entry.getName();
        long limit = ZipArchives.expansionLimit(entry, rules, budget);
        try (InputStream expanded = new ExpansionLimitInputStream(zip.getInputStream(entry), limit);
             SpooledContent entryContent = spool.write(expanded, limit)) {
            budget.addExpanded(entryContent.size());
            return inspector.inspect(entryName, entryContent, rules, budget.inside());
        } catch (ExpansionLimitException | SpoolLimitExceededException e) {
            return Optional.of(new Refusal(entryName, RefusalReason.ARCHIVE_LIMIT,
                    "the file expands beyond what its archive declares or the archive limits allow (a zip bomb)"));
        } catch (CorruptEntryException e) {
            return Optional.of(new Refusal(entryName, RefusalReason.MALFORMED, "the file in the archive cannot be expanded"));
        }
    }
}
