package org.smg.policies.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types the attachment policy names (attachments.yaml {@code allowedTypes}): each with the media types
 * that content detection reports for it and the file-name extensions that may go with it. A type is decided from
 * the bytes; the name is then only compared with it.
 */
public enum FileType {
    PDF("pdf", List.of("application/pdf"), Set.of("pdf")),
    DOCX("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), Set.of("docx")),
    XLSX("xlsx", List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Set.of("xlsx")),
    PPTX("pptx", List.of("application/vnd.openxmlformats-officedocument.presentationml.presentation"), Set.of("pptx")),
    ODT("odt", List.of("application/vnd.oasis.opendocument.text"), Set.of("odt")),
    ODS("ods", List.of("application/vnd.oasis.opendocument.spreadsheet"), Set.of("ods")),
    /** Plain text: the bytes cannot tell a CSV from other text, so the name decides between TXT and CSV. */
    TXT("txt", List.of("text/plain"), Set.of("txt", "text")),
    CSV("csv", List.of("text/csv", "text/plain"), Set.of("csv")),
    JPEG("jpeg", List.of("image/jpeg"), Set.of("jpg", "jpeg")),
    PNG("png", List.of("image/png"), Set.of("png")),
    TIFF("tiff", List.of("image/tiff"), Set.of("tif", "tiff")),
    HEIC("heic", List.of("image/heic", "image/heif"), Set.of("heic", "heif")),
    /** Allowed only when every entry inside is itself allowed (checked entry by entry, within the archive limits). */
    ZIP("zip", List.of("application/zip"), Set.of("zip"));

    private final String id;
    private final List<String> mediaTypes;
    private final Set<String> extensions;

    FileType(String id, List<String> mediaTypes, Set<String> extensions) {
        this.id = id;
        this.mediaTypes = mediaTypes;
        this.extensions = extensions;
    }

    /** The name used in attachments.yaml. */
    public String id() {
        return id;
    }

    /** Media types, as content detection reports them, that are this type (the first is the canonical one). */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /** Lower-case file-name extensions (without the dot) that fit this type. */
    public Set<String> extensions() {
        return extensions;
    }

    /** The type with this attachments.yaml id, if any. */
    public static Optional<FileType> byId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }
}
