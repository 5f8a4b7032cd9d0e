package org.smg.gateway.attachments;

import java.util.Optional;

import org.smg.policies.model.FileType;

/**
 * Compares a file's name with its detected type. A name without an extension claims nothing. A name whose extension
 * does not fit the detected type is refused ("named as PDF but the content is a Windows executable"), except that a
 * refused kind of content under its own kind of name ({@code setup.exe}) is left to the type policy, which says why.
 */
final class NameCheck {

    private NameCheck() {
    }

    static Optional<Refusal> check(String fileName, String mediaType, Optional<FileType> detected) {
        Optional<String> extension = FileNames.extension(fileName);
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        boolean mismatch = detected
            .map(type -> !type.extensions().contains(extension.get()))
            .orElseGet(() -> FileNames.typeOfExtension(extension.get()).isPresent());
        if (!mismatch) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(fileName, RefusalReason.NAME_MISMATCH, "named as " + FileNames.claimed(extension.get())
            + " but the content is " + MediaTypeWords.describe(mediaType, detected.orElse(null))));
    }
}
