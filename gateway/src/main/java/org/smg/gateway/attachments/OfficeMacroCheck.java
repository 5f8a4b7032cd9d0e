package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.smg.policies.model.AttachmentRules;

/**
 * Refuses Office documents that carry macros, whatever type detection called them (a DOCM renamed and detected as
 * DOCX is still refused): an OOXML package with a {@code vbaProject.bin} part or a macro-enabled content type in
 * {@code [Content_Types].xml} (VBA projects, macro-enabled main parts, Excel 4.0 macro sheets), an ODF package with
 * {@code Basic/} or {@code Scripts/} entries.
 */
public final class OfficeMacroCheck implements ContentCheck {
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    /** [Content_Types].xml of a real document is a few kilobytes. */
    private static final long MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
    private static final List<String> MACRO_CONTENT_TYPES = List.of("macroenabled", "vbaproject", "macrosheet");
    private static final String MACROS = "the document contains macros, which are not allowed";

    @Override
    public Optional<Refusal> check(String fileName, String mediaType, SpooledContent content, AttachmentRules rules,
                                   ArchiveBudget budget) throws IOException {
        if (mediaType.toLowerCase(Locale.ROOT).contains("macroenabled")) {
            return refusal(fileName);
        }
        try (ZipFile zip = ZipArchives.open(content)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.stream().map(ZipArchiveEntry::getName).anyMatch(OfficeMacroCheck::isMacroPart)) {
                return refusal(fileName);
            }
            ZipArchiveEntry contentTypes = zip.getEntry(CONTENT_TYPES);
            if (contentTypes != null && declaresMacros(zip, contentTypes)) {
                return refusal(fileName);
            }
            return Optional.empty();
        } catch (ZipArchives.UnreadableArchiveException | XMLStreamException
                 | ExpansionLimitInputStream.ExpansionLimitException | ExpansionLimitInputStream.CorruptEntryException e) {
            return Optional.of(new Refusal(fileName, RefusalReason.MALFORMED, "the document's package cannot be read"));
        }
    }

    private static boolean isMacroPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin")
                || lower.startsWith("basic/") || lower.startsWith("scripts/");
    }

    private static boolean declaresMacros(ZipFile zip, ZipArchiveEntry contentTypes) throws IOException, XMLStreamException {
        try (InputStream in = new ExpansionLimitInputStream(zip.getInputStream(contentTypes), MAX_CONTENT_TYPES_BYTES)) {
            XMLStreamReader reader = safeFactory().createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT && isMacroType(reader.getAttributeValue(null, "ContentType"))) {
                        return true;
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        }
    }

    private static boolean isMacroType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        return MACRO_CONTENT_TYPES.stream().anyMatch(lower::contains);
    }

    /** No DTDs, no external entities: the XML comes from a stranger. */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static Optional<Refusal> refusal(String fileName) {
        return Optional.of(new Refusal(fileName, RefusalReason.MACRO_ENABLED, MACROS));
    }
}
