package org.smg.gateway.attachments;

import java.util.Locale;
import java.util.Optional;

import org.smg.policies.model.AttachmentRules;
import org.smg.policies.model.FileType;

/** Whether a detected type is allowed by the program's rules; refused kinds are named as such. */
final class TypePolicy {

    private TypePolicy() {
    }

    static Optional<Refusal> check(String fileName, String mediaType, Optional<FileType> detected, AttachmentRules rules) {
        if (detected.isPresent()) {
            if (rules.allowedTypes().contains(detected.get())) {
                return Optional.empty();
            }
            return Optional.of(new Refusal(fileName, RefusalReason.TYPE_NOT_ALLOWED,
                detected.get().id().toUpperCase(Locale.ROOT) + " files are not allowed"));
        }
        MediaTypeWords.Category category = MediaTypeWords.category(mediaType);
        RefusalReason reason = category == MediaTypeWords.Category.MACRO_ENABLED ? RefusalReason.MACRO_ENABLED : RefusalReason.TYPE_NOT_ALLOWED;
        return Optional.of(new Refusal(fileName, reason,
            category.plural() + " are not allowed (the content is " + MediaTypeWords.describe(mediaType, null) + ")"));
    }
}
