package org.smg.gateway.attachments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** Builds the PDF samples with PDFBox: one page of text, with or without what the policy refuses. */
final class PdfSamples {

    private PdfSamples() {
    }

    @FunctionalInterface
    interface Change {
        void apply(PDDocument document) throws IOException;
    }

    static byte[] clean() {
        return pdf(document -> {
        });
    }

    /** Runs JavaScript when opened (catalog /OpenAction, /S /JavaScript). */
    static byte[] withOpenActionJavaScript() {
        return pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    }

    /** A link annotation on the page whose action is /S /Launch of a program. */
    static byte[] withLaunchAction() {
        return pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new COSString("calc.exe")));
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 700, 200, 20));
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
        });
    }

    /** A text file in the names tree /EmbeddedFiles. */
    static byte[] withEmbeddedFile() {
        return pdf(document -> {
            PDEmbeddedFile embedded = new PDEmbeddedFile(document,
                    new ByteArrayInputStream("embedded notes".getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("notes.txt");
            file.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("notes.txt", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /** AES-256 encrypted; {@code userPassword} may be empty (opens without a password, still encrypted). */
    static byte[] encrypted(String userPassword) {
        return pdf(document -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
        });
    }

    private static byte[] pdf(Change change) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 750);
                text.showText("Sample document for the attachment checks.");
                text.endText();
            }
            change.apply(document);
            // a fixed document id, so that unencrypted samples are the same bytes on every run
            COSArray id = new COSArray();
            id.add(new COSString("smg-sample-id-00"));
            id.add(new COSString("smg-sample-id-00"));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
