package org.smg.gateway.attachments;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal Office packages: OOXML (OPC parts and relationships) and ODF (stored mimetype first, manifest, content). */
final class OfficeSamples {
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String CONTENT_TYPES_START = XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
    private static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private static final String DOCUMENT_XML = XML
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>Sample document</w:t></w:r></w:p></w:body></w:document>";
    /** Not a real VBA project (a compound file would be): its name and content type are what the check looks at. */
    private static final byte[] VBA_PROJECT = "not a real VBA project".getBytes(StandardCharsets.US_ASCII);

    private OfficeSamples() {
    }

    static byte[] docx() {
        return word(WORD_MAIN, false, false);
    }

    /** A DOCM: macro-enabled main part, vbaProject.bin and its content type and relationship. */
    static byte[] docm() {
        return word(WORD_MACRO_MAIN, true, true);
    }

    /** Looks like a DOCX in [Content_Types].xml but carries word/vbaProject.bin. */
    static byte[] docxWithHiddenVbaProject() {
        return word(WORD_MAIN, true, false);
    }

    static byte[] xlsx() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(CONTENT_TYPES_START
                + override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
                + override("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
                + "</Types>"));
        parts.put("_rels/.rels", utf8(relationships(relationship("rId1", OFFICE_DOCUMENT, "xl/workbook.xml"))));
        parts.put("xl/workbook.xml", utf8(XML
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", utf8(relationships(relationship("rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"))));
        parts.put("xl/worksheets/sheet1.xml", utf8(XML
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>42</t></is></c></row></sheetData></worksheet>"));
        return ZipSamples.zip(parts);
    }

    static byte[] pptx() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(CONTENT_TYPES_START
                + override("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")
                + override("/ppt/slides/slide1.xml", "application/vnd.openxmlformats-officedocument.presentationml.slide+xml")
                + "</Types>"));
        parts.put("_rels/.rels", utf8(relationships(relationship("rId1", OFFICE_DOCUMENT, "ppt/presentation.xml"))));
        parts.put("ppt/presentation.xml", utf8(XML
                + "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId1\"/></p:sldIdLst>"
                + "<p:sldSz cx=\"9144000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"));
        parts.put("ppt/_rels/presentation.xml.rels", utf8(relationships(relationship("rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide", "slides/slide1.xml"))));
        parts.put("ppt/slides/slide1.xml", utf8(XML
                + "<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><p:cSld><p:spTree>"
                + "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
                + "</p:spTree></p:cSld></p:sld>"));
        return ZipSamples.zip(parts);
    }

    static byte[] odt() {
        return odf(false);
    }

    /** An ODT with a StarBasic library under Basic/. */
    static byte[] odtWithBasicMacro() {
        return odf(true);
    }

    private static byte[] word(String mainType, boolean vbaProject, boolean vbaContentType) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(CONTENT_TYPES_START
                + (vbaContentType ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" : "")
                + override("/word/document.xml", mainType) + "</Types>"));
        parts.put("_rels/.rels", utf8(relationships(relationship("rId1", OFFICE_DOCUMENT, "word/document.xml"))));
        parts.put("word/document.xml", utf8(DOCUMENT_XML));
        if (vbaProject) {
            parts.put("word/_rels/document.xml.rels", utf8(relationships(relationship("rId1",
                    "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"))));
            parts.put("word/vbaProject.bin", VBA_PROJECT);
        }
        return ZipSamples.zip(parts);
    }

    private static byte[] odf(boolean basicMacro) {
        String mediaType = "application/vnd.oasis.opendocument.text";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", utf8(mediaType));
        parts.put("META-INF/manifest.xml", utf8(XML
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mediaType + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>"));
        parts.put("content.xml", utf8(XML
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text><text:p>Sample document</text:p></office:text></office:body>"
                + "</office:document-content>"));
        if (basicMacro) {
            parts.put("Basic/Standard/Module1.xml", utf8(XML + "<script:module xmlns:script=\"http://openoffice.org/2000/script\""
                    + " script:name=\"Module1\" script:language=\"StarBasic\">Sub Main\nEnd Sub</script:module>"));
        }
        return ZipSamples.zip(parts, List.of("mimetype"));
    }

    private static String override(String part, String contentType) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + contentType + "\"/>";
    }

    private static String relationships(String... relationships) {
        return XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + String.join("", relationships) + "</Relationships>";
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
