package org.smg.gateway.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The files every attachment test sends, built in code (small, the same bytes on every run except where encryption
 * needs fresh randomness): what the policy refuses and what it lets through. Unit tests and the integration tests
 * over SMTP share them.
 */
public final class SampleFiles {
    /** Password of {@link #passwordProtectedZip()} and user password of {@link #encryptedPdf()}. */
    public static final String PASSWORD = "sample-secret";

    private SampleFiles() {
    }

    // ---- virus test files -------------------------------------------------------------------------------------

    /**
     * The EICAR anti-virus test file (68 bytes). Assembled from two halves so that this source and its class file do
     * not themselves trip a scanner on a developer's machine.
     */
    public static byte[] eicar() {
        return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*").getBytes(StandardCharsets.US_ASCII);
    }

    /** A ZIP holding {@code eicar.txt}. */
    public static byte[] eicarInZip() {
        return ZipSamples.zip(Map.of("eicar.txt", eicar()));
    }

    /** A ZIP holding {@code inner.zip}, which holds {@code eicar.txt}. */
    public static byte[] eicarInZipInZip() {
        return ZipSamples.zip(Map.of("inner.zip", eicarInZip()));
    }

    // ---- executables ------------------------------------------------------------------------------------------

    /**
     * A complete x86-64 Linux ELF executable (129 bytes: header, one loadable segment, {@code exit(0)}); tika-core
     * 3.3.1 reports {@code application/x-executable}.
     */
    public static byte[] elfExecutable() {
        long base = 0x400000;
        byte[] code = {(byte) 0xB8, 0x3C, 0, 0, 0, 0x31, (byte) 0xFF, 0x0F, 0x05}; // mov eax,60; xor edi,edi; syscall
        int headers = 64 + 56;
        ByteBuffer elf = ByteBuffer.allocate(headers + code.length).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}).putLong(0)
                .putShort((short) 2).putShort((short) 0x3E).putInt(1).putLong(base + headers).putLong(64).putLong(0)
                .putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        elf.putInt(1).putInt(5).putLong(0).putLong(base).putLong(base)
                .putLong(headers + code.length).putLong(headers + code.length).putLong(0x1000);
        return elf.put(code).array();
    }

    /**
     * The headers of a Windows PE executable (MZ stub, {@code PE\0\0} at 0x80, a COFF header for i386); tika-core
     * 3.3.1 reports {@code application/x-msdownload; format=pe32}.
     */
    public static byte[] peExecutable() {
        ByteBuffer pe = ByteBuffer.allocate(0x80 + 4 + 20).order(ByteOrder.LITTLE_ENDIAN);
        pe.put(new byte[] {'M', 'Z'}).position(0x3C);
        pe.putInt(0x80).position(0x80);
        pe.put(new byte[] {'P', 'E', 0, 0}).putShort((short) 0x14C).putShort((short) 0).putInt(0).putInt(0).putInt(0)
                .putShort((short) 0).putShort((short) 0x0102);
        return pe.array();
    }

    // ---- Office -----------------------------------------------------------------------------------------------

    public static byte[] docx() {
        return OfficeSamples.docx();
    }

    public static byte[] xlsx() {
        return OfficeSamples.xlsx();
    }

    public static byte[] pptx() {
        return OfficeSamples.pptx();
    }

    public static byte[] odt() {
        return OfficeSamples.odt();
    }

    /** A macro-enabled Word document: word/vbaProject.bin and the macroEnabled main content type. */
    public static byte[] docm() {
        return OfficeSamples.docm();
    }

    /** A DOCX by its content types that still carries word/vbaProject.bin (macros smuggled under a DOCX name). */
    public static byte[] docxWithHiddenVbaProject() {
        return OfficeSamples.docxWithHiddenVbaProject();
    }

    /** An ODT with a StarBasic module under Basic/. */
    public static byte[] odtWithBasicMacro() {
        return OfficeSamples.odtWithBasicMacro();
    }

    // ---- PDF --------------------------------------------------------------------------------------------------

    public static byte[] cleanPdf() {
        return PdfSamples.clean();
    }

    /** AES-256 encrypted with user password {@link #PASSWORD}. */
    public static byte[] encryptedPdf() {
        return PdfSamples.encrypted(PASSWORD);
    }

    /** AES-256 encrypted with an empty user password: opens without a password, still encrypted. */
    public static byte[] encryptedPdfWithEmptyUserPassword() {
        return PdfSamples.encrypted("");
    }

    /** JavaScript run when the document opens (/OpenAction). */
    public static byte[] pdfWithJavaScript() {
        return PdfSamples.withOpenActionJavaScript();
    }

    /** A link annotation that launches {@code calc.exe}. */
    public static byte[] pdfWithLaunchAction() {
        return PdfSamples.withLaunchAction();
    }

    /** A text file in the document's /EmbeddedFiles names tree. */
    public static byte[] pdfWithEmbeddedFile() {
        return PdfSamples.withEmbeddedFile();
    }

    // ---- archives ---------------------------------------------------------------------------------------------

    /** A ZIP of allowed files: a PDF, a DOCX, a PNG and a text file. */
    public static byte[] zipOfAllowedFiles() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("report.pdf", cleanPdf());
        entries.put("letter.docx", docx());
        entries.put("photo.png", png());
        entries.put("notes.txt", "Meeting notes\n".getBytes(StandardCharsets.US_ASCII));
        return ZipSamples.zip(entries);
    }

    /** A ZIP of these entries, in this order (deflated, fixed times). */
    public static byte[] zip(Map<String, byte[]> entries) {
        return ZipSamples.zip(entries);
    }

    /** One text file encrypted with the traditional PKWARE cipher under {@link #PASSWORD}. */
    public static byte[] passwordProtectedZip() {
        return ZipSamples.passwordProtected("report.txt", "quarterly figures\n".getBytes(StandardCharsets.US_ASCII), PASSWORD);
    }

    /**
     * A 42.zip-style nested bomb, built small: 2 MiB of zeros, 16 copies per archive, 5 levels (about 60 KB; fully
     * expanded 16^5 x 2 MiB = 2 TiB).
     */
    public static byte[] nestedZipBomb() {
        return ZipSamples.nestedBomb(5, 16, 2 * 1024 * 1024);
    }

    /** An overlapping-entry bomb (Fifield's quoted overlap): 20 entries sharing one kernel of 2 MiB of zeros. */
    public static byte[] overlappingZipBomb() {
        return ZipSamples.overlappingBomb(20, 2 * 1024 * 1024);
    }

    // ---- images -----------------------------------------------------------------------------------------------

    /** A 16x16 JPEG. */
    public static byte[] jpeg() {
        return image("jpg");
    }

    /** A 16x16 PNG. */
    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLUE);
        graphics.fillRect(4, 4, 8, 8);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
