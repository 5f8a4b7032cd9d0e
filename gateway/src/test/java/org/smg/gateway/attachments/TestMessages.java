package org.smg.gateway.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

/** Small generated messages and files for the inspection tests (the shared sample files are in SampleFiles). */
final class TestMessages {
    static final Session SESSION = Session.getInstance(new Properties());

    private TestMessages() {
    }

    static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    static MimeBodyPart html(String html) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(html, "text/html; charset=UTF-8");
        return part;
    }

    /** A base64 attachment declared as application/octet-stream (the declared type is never trusted). */
    static MimeBodyPart attachment(String fileName, byte[] bytes) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    static MimeBodyPart forwarded(MimeMessage inner) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(inner, "message/rfc822");
        return part;
    }

    static MimeMessage message(MimeBodyPart... parts) throws MessagingException {
        MimeMultipart multipart = new MimeMultipart();
        for (MimeBodyPart part : parts) {
            multipart.addBodyPart(part);
        }
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom("sender@example.org");
        message.setRecipients(MimeMessage.RecipientType.TO, "citizen@example.org");
        message.setSubject("test");
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] elf() {
        byte[] bytes = new byte[128];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        bytes[16] = 2; // ET_EXEC
        bytes[18] = 0x3e; // x86-64
        bytes[20] = 1;
        return bytes;
    }

    /** An MZ header whose e_lfanew points at a PE signature. */
    static byte[] pe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        bytes[0x84] = 0x4c;
        bytes[0x85] = 0x01;
        return bytes;
    }

    static byte[] pdf() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    static byte[] jpeg() {
        return new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    }

    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] plainZip() {
        return zip(Map.of("readme.txt", ascii("hello\n")));
    }

    /** An OOXML package whose main part has {@code mainContentType}, with [Content_Types].xml last (the hard order for tika-core). */
    static byte[] ooxml(String mainPart, String mainContentType) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_rels/.rels", ascii("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
            + mainPart.substring(1) + "\"/></Relationships>"));
        entries.put(mainPart.substring(1), ascii("<?xml version=\"1.0\"?><document/>"));
        entries.put("[Content_Types].xml", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"" + mainPart + "\" ContentType=\"" + mainContentType + "\"/></Types>"));
        return zip(entries);
    }

    static byte[] docx() {
        return ooxml("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    }

    static byte[] docm() {
        return ooxml("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml");
    }

    static byte[] xlsx() {
        return ooxml("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    }

    static byte[] xlsm() {
        return ooxml("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }

    static byte[] pptx() {
        return ooxml("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");
    }

    static byte[] pptm() {
        return ooxml("/ppt/presentation.xml", "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml");
    }

    /** An ODF package: an uncompressed {@code mimetype} entry first, as the format requires. */
    static byte[] odf(String mediaType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
                ZipEntry mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(ascii("<?xml version=\"1.0\"?><office:document-content/>"));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
