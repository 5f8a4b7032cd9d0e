package org.smg.gateway.attachments;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.smg.policies.model.AttachmentRules;

/**
 * Parses a PDF with PDFBox and refuses it when it is encrypted, or when it carries active content the policy refuses
 * (JavaScript, launch actions, embedded files; found by {@link PdfActiveContentFinder} in the object model, not by
 * searching bytes). A PDF that PDFBox cannot read is refused too: what cannot be checked does not pass.
 *
 * <p>Encrypted PDFs are refused even when they open with an empty user password (a "permissions only" PDF): their
 * streams and strings are still encrypted in the file, so the virus scanner, which reads the bytes, sees no
 * JavaScript or payload it could match, and ClamAV decrypts only some of the security handlers; the policy treats
 * every encrypted PDF as unscannable rather than depend on which handler a sender chose.
 *
 * <p>Memory: the file is read in place through {@link ChannelRandomAccessRead} (never copied into the heap) and
 * PDFBox's scratch cache is main memory only with a hard bound ({@link #MAX_SCRATCH_BYTES}), never temporary files,
 * which would put plaintext under the data directory. PDFBox decodes object streams whole into the heap, so
 * {@link PdfObjectStreamGuard} bounds what they expand to before the walk reaches them. Not bounded yet: a
 * cross-reference stream is decoded while loading, before any check (it is read from the file's end, and PDFBox
 * gives no limit for it).
 */
public final class PdfCheck implements ContentCheck {
    /** PDFBox's scratch memory for one document; loading only (no rendering, no saving) uses little of it. */
    static final long MAX_SCRATCH_BYTES = 16L * 1024 * 1024;
    /** Most objects the active-content walk visits; real documents have thousands, a few large ones 100,000s. */
    static final int MAX_OBJECTS = 2_000_000;

    /** Most bytes all object streams of one PDF may expand to (they are decoded whole in the heap by PDFBox). */
    static final long MAX_OBJECT_STREAM_BYTES = 64L * 1024 * 1024;

    private final PdfObjectStreamGuard objectStreams;
    private final PdfActiveContentFinder finder = new PdfActiveContentFinder(MAX_OBJECTS);

    public PdfCheck() {
        this(MAX_OBJECT_STREAM_BYTES);
    }

    PdfCheck(long maxObjectStreamBytes) {
        this.objectStreams = new PdfObjectStreamGuard(maxObjectStreamBytes);
    }

    @Override
    public Optional<Refusal> check(String fileName, String mediaType, SpooledContent content, AttachmentRules rules,
                                   ArchiveBudget budget) throws IOException {
        SeekableByteChannel channel = content.channel(); // a failing spool is an error of ours, not a bad PDF
        try (channel;
             PDDocument document = Loader.loadPDF(new ChannelRandomAccessRead(channel),
                     MemoryUsageSetting.setupMainMemoryOnly(MAX_SCRATCH_BYTES).streamCache)) {
            if (document.isEncrypted()) {
                return encrypted(fileName);
            }
            objectStreams.check(document.getDocument());
            Set<PdfActiveContent> found = finder.find(document.getDocumentCatalog().getCOSObject());
            return refused(fileName, found, rules);
        } catch (InvalidPasswordException e) {
            return encrypted(fileName);
        } catch (PdfTooComplexException e) {
            return Optional.of(new Refusal(fileName, RefusalReason.UNSCANNABLE,
                    "the PDF cannot be checked: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // PDFBox reports a broken file with IOException and, on hostile input, sometimes with runtime exceptions
            // (class casts, bad numbers): either way the file was not checked, so it must not pass.
            return Optional.of(new Refusal(fileName, RefusalReason.MALFORMED, "the PDF cannot be read"));
        }
    }

    private static Optional<Refusal> encrypted(String fileName) {
        return Optional.of(new Refusal(fileName, RefusalReason.ENCRYPTED, "encrypted PDFs cannot be scanned"));
    }

    private static Optional<Refusal> refused(String fileName, Set<PdfActiveContent> found, AttachmentRules rules) {
        List<String> reasons = new ArrayList<>();
        if (found.contains(PdfActiveContent.JAVASCRIPT) && rules.refusePdfJavaScript()) {
            reasons.add(PdfActiveContent.JAVASCRIPT.explanation());
        }
        if (found.contains(PdfActiveContent.LAUNCH) && rules.refusePdfLaunchActions()) {
            reasons.add(PdfActiveContent.LAUNCH.explanation());
        }
        if (found.contains(PdfActiveContent.EMBEDDED_FILE) && rules.refusePdfEmbeddedFiles()) {
            reasons.add(PdfActiveContent.EMBEDDED_FILE.explanation());
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(fileName, RefusalReason.PDF_ACTIVE_CONTENT, String.join("; ", reasons)));
    }
}
