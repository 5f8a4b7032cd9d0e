package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smg.policies.model.AttachmentRules;

/**
 * A stand-in for the real file inspector in archive tests: records each file it is given, opens files named
 * {@code .zip} that are ZIPs (by their magic; a DOCX is a ZIP too) with the archive check under test, and refuses ELF and PE executables; everything else passes.
 */
final class RecordingInspector implements FileInspector {
    /** One file the inspector was given. */
    record Inspected(String name, int depth, long size) {
    }

    private final List<Inspected> inspected = new ArrayList<>();
    private ContentCheck archiveCheck;

    void openArchivesWith(ContentCheck archiveCheck) {
        this.archiveCheck = archiveCheck;
    }

    List<Inspected> inspected() {
        return inspected;
    }

    @Override
    public Optional<Refusal> inspect(String fileName, SpooledContent content, AttachmentRules rules, ArchiveBudget budget)
            throws IOException {
        inspected.add(new Inspected(fileName, budget.depth(), content.size()));
        byte[] start;
        try (InputStream in = content.open()) {
            start = in.readNBytes(4);
        }
        if (fileName.endsWith(".zip") && start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return archiveCheck.check(fileName, "application/zip", content, rules, budget);
        }
        if (start.length >= 2 && (start[0] == 0x7F && start[1] == 'E' || start[0] == 'M' && start[1] == 'Z')) {
            return Optional.of(new Refusal(fileName, RefusalReason.TYPE_NOT_ALLOWED, "executables are not allowed"));
        }
        return Optional.empty();
    }
}
