package org.smg.gateway.attachments;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The type of an Office Open XML package from its {@code [Content_Types].xml}: the content type of the main part
 * (Word's document, Excel's workbook, PowerPoint's presentation) names the format, macro-enabled or not. This is what
 * Tika's OPCPackageDetector decides, without POI. The XML parser reads no DTD and no external entity.
 */
final class OoxmlContentTypes {
    /** What Tika calls an OOXML package whose main part we do not know: a type no policy allows. */
    static final String UNKNOWN_OOXML = "application/x-tika-ooxml";

    private static final String OPENXML = "application/vnd.openxmlformats-officedocument.";
    private static final Map<String, String> MAIN_PART_TYPES = Map.ofEntries(
        Map.entry(OPENXML + "wordprocessingml.document.main+xml", OPENXML + "wordprocessingml.document"),
        Map.entry(OPENXML + "wordprocessingml.template.main+xml", OPENXML + "wordprocessingml.template"),
        Map.entry("application/vnd.ms-word.document.macroenabled.main+xml", "application/vnd.ms-word.document.macroEnabled.12"),
        Map.entry("application/vnd.ms-word.template.macroenabledtemplate.main+xml", "application/vnd.ms-word.template.macroEnabled.12"),
        Map.entry(OPENXML + "spreadsheetml.sheet.main+xml", OPENXML + "spreadsheetml.sheet"),
        Map.entry(OPENXML + "spreadsheetml.template.main+xml", OPENXML + "spreadsheetml.template"),
        Map.entry("application/vnd.ms-excel.sheet.macroenabled.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.12"),
        Map.entry("application/vnd.ms-excel.template.macroenabled.main+xml", "application/vnd.ms-excel.template.macroEnabled.12"),
        Map.entry("application/vnd.ms-excel.addin.macroenabled.main+xml", "application/vnd.ms-excel.addin.macroEnabled.12"),
        Map.entry("application/vnd.ms-excel.sheet.binary.macroenabled.main", "application/vnd.ms-excel.sheet.binary.macroEnabled.12"),
        Map.entry(OPENXML + "presentationml.presentation.main+xml", OPENXML + "presentationml.presentation"),
        Map.entry(OPENXML + "presentationml.slideshow.main+xml", OPENXML + "presentationml.slideshow"),
        Map.entry(OPENXML + "presentationml.template.main+xml", OPENXML + "presentationml.template"),
        Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.main+xml", "application/vnd.ms-powerpoint.presentation.macroEnabled.12"),
        Map.entry("application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml", "application/vnd.ms-powerpoint.slideshow.macroEnabled.12"),
        Map.entry("application/vnd.ms-powerpoint.template.macroenabled.main+xml", "application/vnd.ms-powerpoint.template.macroEnabled.12"),
        Map.entry("application/vnd.ms-powerpoint.addin.macroenabled.main+xml", "application/vnd.ms-powerpoint.addin.macroEnabled.12"));

    private OoxmlContentTypes() {
    }

    /**
     * The package's media type; {@link #UNKNOWN_OOXML} when no main part is recognised. When several main parts are
     * declared, a macro-enabled one wins: the stricter reading of an ambiguous package.
     */
    static String packageType(InputStream contentTypesXml) throws XMLStreamException {
        List<String> declared = declaredContentTypes(contentTypesXml);
        List<String> packageTypes = new ArrayList<>();
        for (String contentType : declared) {
            Optional.ofNullable(MAIN_PART_TYPES.get(contentType.toLowerCase(Locale.ROOT))).ifPresent(packageTypes::add);
        }
        return packageTypes.stream().filter(OoxmlContentTypes::isMacroEnabled).findFirst()
            .or(() -> packageTypes.stream().findFirst())
            .orElse(UNKNOWN_OOXML);
    }

    static boolean isMacroEnabled(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).contains("macroenabled");
    }

    private static List<String> declaredContentTypes(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(xml);
        List<String> contentTypes = new ArrayList<>();
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    String element = reader.getLocalName();
                    String contentType = reader.getAttributeValue(null, "ContentType");
                    if ((element.equals("Override") || element.equals("Default")) && contentType != null) {
                        contentTypes.add(contentType.strip());
                    }
                }
            }
        } finally {
            reader.close();
        }
        return contentTypes;
    }
}
