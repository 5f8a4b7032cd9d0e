package org.smg.gateway.attachments;

import java.io.IOException;
import java.util.Optional;

import org.smg.policies.model.AttachmentRules;

/**
 * A check of one file's bytes once its type is known (archives opened entry by entry, PDFs parsed for active
 * content, Office files looked into for macros). Returns the refusal, or empty when the file passes.
 */
public interface ContentCheck {

    /**
     * @param fileName the name the sender gave (for the refusal's text)
     * @param mediaType the type detected from the bytes
     * @param content the decoded bytes
     * @param budget the archive budget of this file (its depth, what enclosing archives already used)
     */
    Optional<Refusal> check(String fileName, String mediaType, SpooledContent content, AttachmentRules rules,
                            ArchiveBudget budget) throws IOException;
}
