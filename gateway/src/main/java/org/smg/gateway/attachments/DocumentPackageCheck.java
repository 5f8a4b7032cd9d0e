package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.smg.gateway.attachments.ExpansionLimitInputStream.CorruptEntryException;
import org.smg.gateway.attachments.ExpansionLimitInputStream.ExpansionLimitException;
import org.smg.policies.model.AttachmentRules;

/**
 * The archive limits for ZIP-based documents (DOCX, XLSX, PPTX, ODT, ODS): a document is a ZIP, so a bomb can be
 * shaped as one. The structure is checked as for an archive ({@link ZipStructureCheck}: encryption, declared sizes
 * and ratios, overlapping entries, local headers), then every part is expanded and counted, not kept, within the
 * expanded budget. The parts are not files of their own, so they are not inspected one by one and do not count
 * against the shared entry budget (a ZIP of fifty spreadsheets is not fifty times a thousand files); the package's
 * own part count is still held to the entry limit.
 */
public final class DocumentPackageCheck implements ContentCheck {

    @Override
    public Optional<Refusal> check(String fileName, String mediaType, SpooledContent content, AttachmentRules rules,
                                   ArchiveBudget budget) throws IOException {
        Optional<Refusal> tooMany = ZipArchives.tooManyEntries(fileName, content, rules, 0);
        if (tooMany.isPresent()) {
            return tooMany;
        }
        try (ZipFile zip = ZipArchives.open(content);
             SeekableByteChannel headers = content.channel()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            Optional<Refusal> refusal = ZipStructureCheck.check(fileName, entries, headers, rules, budget, false);
            if (refusal.isPresent()) {
                return refusal;
            }
            for (ZipArchiveEntry entry : entries) {
                long limit = ZipArchives.expansionLimit(entry, rules, budget);
                try (ExpansionLimitInputStream part = new ExpansionLimitInputStream(zip.getInputStream(entry), limit)) {
                    part.transferTo(OutputStream.nullOutputStream());
                    budget.addExpanded(part.count());
                }
            }
            return Optional.empty();
        } catch (ZipArchives.UnreadableArchiveException | CorruptEntryException e) {
            return Optional.of(new Refusal(fileName, RefusalReason.MALFORMED, "the document's package cannot be read"));
        } catch (ExpansionLimitException e) {
            return Optional.of(new Refusal(fileName, RefusalReason.ARCHIVE_LIMIT,
                    "a part of the document expands beyond what it declares or the archive limits allow (a zip bomb)"));
        }
    }
}
