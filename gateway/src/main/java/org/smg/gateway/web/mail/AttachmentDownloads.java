package org.smg.gateway.web.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.inject.Inject;

import org.smg.gateway.attachments.MessageParts;
import org.smg.gateway.attachments.MimeLeaf;
import org.smg.gateway.attachments.ScanResult;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.attachments.Spool;
import org.smg.gateway.attachments.SpooledContent;
import org.smg.gateway.attachments.TypeDetector;
import org.smg.gateway.attachments.VirusScanner;

/**
 * Prepares one attachment for download: its decoded bytes spooled (in memory up to the spool's bound, above it
 * encrypted on disk: never whole in the heap), scanned again with the scanner's current signatures, and typed from
 * its content, as the attachment checks type it. Only a clean file is handed out; the caller streams it and closes it.
 */
public final class AttachmentDownloads {
    /** No single part of a stored message can be larger than the largest message the gateway accepts. */
    static final long MAX_PART_BYTES = 1L << 31;

    /** A part checked and ready, or why not. */
    public sealed interface Prepared {
    }

    /** A clean file: its safe name, detected type and bytes (close to delete the spooled copy). */
    public record Ready(String name, String type, SpooledContent content) implements Prepared, AutoCloseable {
        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** The scanner did not call the file clean (a signature matched, or it could not be scanned completely). */
    public record Refused(String name, ScanResult verdict) implements Prepared {
    }

    private final Spool spool;
    private final TypeDetector detector;
    private final VirusScanner scanner;

    @Inject
    public AttachmentDownloads(Spool spool, TypeDetector detector, VirusScanner scanner) {
        this.spool = spool;
        this.detector = detector;
        this.scanner = scanner;
    }

    /**
     * The part numbered {@code part} (a leaf of the MIME tree, as {@link MessageView.Attachment#part()} numbers them)
     * of the raw message; empty when the message has no such attached part.
     *
     * @throws ScannerUnavailableException when the scanner cannot give a verdict: nothing is handed out
     */
    public Optional<Prepared> prepare(InputStream rawMessage, int part) throws IOException, ScannerUnavailableException {
        MessageParts parts = new MessageParts(rawMessage);
        for (Optional<MimeLeaf> next = parts.next(); next.isPresent(); next = parts.next()) {
            MimeLeaf leaf = next.get();
            if (leaf.number() == part) {
                return leaf.isAttachment() ? Optional.of(check(DownloadNames.safe(leaf.displayName()), leaf.body())) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Spools, scans and types a file; the spooled copy is deleted unless it is handed out. */
    public Prepared check(String name, InputStream body) throws IOException, ScannerUnavailableException {
        SpooledContent content = spool.write(body, MAX_PART_BYTES);
        try {
            ScanResult verdict;
            try (InputStream in = content.open()) {
                verdict = scanner.scan(in);
            }
            if (!verdict.isClean()) {
                content.close();
                return new Refused(name, verdict);
            }
            return new Ready(name, detector.detect(content), content);
        } catch (IOException | ScannerUnavailableException | RuntimeException e) {
            content.close();
            throw e;
        }
    }
}
