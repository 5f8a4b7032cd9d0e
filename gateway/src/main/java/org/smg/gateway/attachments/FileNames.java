package org.smg.gateway.attachments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.smg.policies.model.FileType;

/** What a file name claims: its extension, read the way the receiver's system will read it. */
final class FileNames {

    private FileNames() {
    }

    /**
     * The lower-case extension, without the dot; empty when the name has none. Directories are dropped and trailing
     * dots and spaces ignored, as Windows ignores them ({@code "invoice.exe. "} is an EXE).
     */
    static Optional<String> extension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[. ]+$", "");
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The policy type whose extensions include {@code extension}, if any. */
    static Optional<FileType> typeOfExtension(String extension) {
        return Arrays.stream(FileType.values()).filter(type -> type.extensions().contains(extension)).findFirst();
    }

    /** "PDF" for {@code report.pdf}, "EXE" for {@code setup.exe}: how a refusal names what the name claims. */
    static String claimed(String extension) {
        return typeOfExtension(extension).map(type -> type.id().toUpperCase(Locale.ROOT)).orElse(extension.toUpperCase(Locale.ROOT));
    }

    /** The policy type of detected content; plain text is a CSV when so named, otherwise TXT. */
    static Optional<FileType> fileType(String mediaType, String fileName) {
        if (mediaType.equals("text/plain")) {
            return Optional.of(extension(fileName).filter(FileType.CSV.extensions()::contains).isPresent() ? FileType.CSV : FileType.TXT);
        }
        return Arrays.stream(FileType.values()).filter(type -> type.mediaTypes().contains(mediaType)).findFirst();
    }
}
