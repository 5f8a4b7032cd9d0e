package org.smg.gateway.attachments;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smg.policies.model.FileType;

/** What a detected media type is, in words a sender understands, and which refused category it falls into. */
final class MediaTypeWords {

    /** Kinds of content refused as such, whatever a policy's allowed list says. */
    enum Category {
        EXECUTABLE("executables"),
        SCRIPT("scripts"),
        MACRO_ENABLED("macro-enabled Office files"),
        OTHER("files of this type");

        private final String plural;

        Category(String plural) {
            this.plural = plural;
        }

        String plural() {
            return plural;
        }
    }

    private static final Map<String, String> EXECUTABLES = Map.ofEntries(
        Map.entry("application/x-msdownload", "a Windows executable"),
        Map.entry("application/x-dosexec", "a Windows executable"),
        Map.entry("application/vnd.microsoft.portable-executable", "a Windows executable"),
        Map.entry("application/x-ms-installer", "a Windows installer"),
        Map.entry("application/x-executable", "a Linux executable (ELF)"),
        Map.entry("application/x-elf", "a Linux executable (ELF)"),
        Map.entry("application/x-sharedlib", "a Linux shared library (ELF)"),
        Map.entry("application/x-object", "an ELF object file"),
        Map.entry("application/x-coredump", "an ELF core dump"),
        Map.entry("application/x-mach-o-executable", "a macOS executable"),
        Map.entry("application/java-vm", "a Java class file"),
        Map.entry("application/java-archive", "a Java archive (JAR)"),
        Map.entry("application/vnd.android.package-archive", "an Android package (APK)"));
    private static final Set<String> SCRIPTS = Set.of("application/x-sh", "application/x-csh", "application/x-shellscript",
        "text/x-sh", "application/javascript", "text/javascript", "application/x-javascript", "text/x-python",
        "application/x-python", "text/x-perl", "application/x-perl", "text/x-php", "application/x-php", "text/x-ruby",
        "application/x-ruby", "application/x-bat", "application/x-msdos-batch", "text/x-powershell",
        "application/x-powershell", "text/vbscript", "text/x-vbscript", "application/x-vbscript", "text/x-tcl",
        "application/hta", "application/x-ms-shortcut");
    private static final Map<FileType, String> ALLOWED_KINDS = Map.ofEntries(
        Map.entry(FileType.PDF, "a PDF document"),
        Map.entry(FileType.DOCX, "a Word document (DOCX)"),
        Map.entry(FileType.XLSX, "an Excel workbook (XLSX)"),
        Map.entry(FileType.PPTX, "a PowerPoint presentation (PPTX)"),
        Map.entry(FileType.ODT, "an OpenDocument text (ODT)"),
        Map.entry(FileType.ODS, "an OpenDocument spreadsheet (ODS)"),
        Map.entry(FileType.TXT, "plain text"),
        Map.entry(FileType.CSV, "plain text"),
        Map.entry(FileType.JPEG, "a JPEG image"),
        Map.entry(FileType.PNG, "a PNG image"),
        Map.entry(FileType.TIFF, "a TIFF image"),
        Map.entry(FileType.HEIC, "a HEIC image"),
        Map.entry(FileType.ZIP, "a ZIP archive"));
    private static final Map<String, String> OTHER_KINDS = Map.of(
        "application/x-tika-msoffice", "an old-format (OLE2) or password-protected Office file",
        "application/x-tika-ooxml", "an Office package of a kind not recognised",
        "application/octet-stream", "data of no recognised type",
        "text/html", "an HTML page",
        "message/rfc822", "an email message saved as a file");
    private static final Map<String, String> MACRO_KINDS = Map.of(
        "word", "a macro-enabled Word document",
        "excel", "a macro-enabled Excel workbook",
        "powerpoint", "a macro-enabled PowerPoint presentation");

    private MediaTypeWords() {
    }

    static Category category(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (OoxmlContentTypes.isMacroEnabled(type)) {
            return Category.MACRO_ENABLED;
        }
        if (EXECUTABLES.containsKey(type) || type.startsWith("application/x-mach-o")) {
            return Category.EXECUTABLE;
        }
        if (SCRIPTS.contains(type) || type.contains("script")) {
            return Category.SCRIPT;
        }
        return Category.OTHER;
    }

    /** "a Windows executable", "a PDF document", "a macro-enabled Word document", or "a file of type x/y". */
    static String describe(String mediaType, FileType fileType) {
        if (fileType != null) {
            return ALLOWED_KINDS.get(fileType);
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (OoxmlContentTypes.isMacroEnabled(type)) {
            return MACRO_KINDS.entrySet().stream().filter(kind -> type.contains("ms-" + kind.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("a macro-enabled Office file");
        }
        if (EXECUTABLES.containsKey(type)) {
            return EXECUTABLES.get(type);
        }
        if (type.startsWith("application/x-mach-o")) {
            return "a macOS executable";
        }
        if (OTHER_KINDS.containsKey(type)) {
            return OTHER_KINDS.get(type);
        }
        if (category(type) == Category.SCRIPT) {
            return "a script (" + mediaType + ")";
        }
        return "a file of type " + mediaType;
    }
}
