package org.smg.gateway.attachments;

import java.io.IOException;
import java.util.Optional;

import org.smg.policies.model.AttachmentRules;

/**
 * Inspects one file, attached or found inside an archive: type from the bytes, name compared with it, allowed
 * types, content checks (archives recurse back here for each entry with {@link ArchiveBudget#inside()}).
 * Virus scanning is not part of it: the attached file as a whole is scanned once, clamd opening archives itself.
 */
public interface FileInspector {

    Optional<Refusal> inspect(String fileName, SpooledContent content, AttachmentRules rules, ArchiveBudget budget) throws IOException;
}
