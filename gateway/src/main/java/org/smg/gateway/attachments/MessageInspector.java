package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.smg.policies.model.AttachmentRules;

/**
 * Inspects a whole message against a program's attachment rules: walks its MIME leaves (forwarded messages
 * included), counts the attached files and the decoded size, applies the {@link FileInspector} to each attached
 * file and streams every leaf, bodies too, to the {@link VirusScanner} from its spool. An S/MIME detached signature
 * (where multipart/signed puts it, and proven by its bytes: {@link DetachedSignature}) is not an attached file: it is
 * scanned but neither counted nor judged by the type policy.
 *
 * <p>Every refusal of the message is collected, so the sender learns every problem at once. Once the message is
 * certain to be refused, the remaining parts are still checked against the policy but no longer scanned: the scan
 * could only add a reason to a refusal already decided, and a refused message that is released later is scanned
 * again first. A message too large in total stops being measured at that point.
 *
 * <p>Fail closed: a scanner that cannot answer ({@link ScannerUnavailableException}) is rethrown at the end, after
 * the policy checks of all parts, so a message the policy refuses is refused even while clamd is down, and any other
 * message waits. MIME the parser cannot read is a {@link RefusalReason#MALFORMED} refusal; a failure to read the
 * message itself is an {@link IOException}, never a delivery.
 */
public final class MessageInspector {
    private static final String THE_MESSAGE = "the message";

    private final Spool spool;
    private final TypeDetector detector;
    private final FileInspector files;
    private final VirusScanner scanner;

    public MessageInspector(Spool spool, TypeDetector detector, FileInspector files, VirusScanner scanner) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.files = Objects.requireNonNull(files, "files");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    /**
     * @param rawMessage the message as received (headers and body), read to its end or to the first malformed part
     * @throws ScannerUnavailableException when no policy refusal was found and a part could not be scanned: the mail
     *     must wait and be inspected again
     * @throws IOException when reading the message or the spool fails
     */
    public Inspection inspect(InputStream rawMessage, AttachmentRules rules) throws IOException, ScannerUnavailableException {
        Walk walk = new Walk(rules);
        MessageParts parts = new MessageParts(rawMessage);
        try {
            for (Optional<MimeLeaf> leaf = parts.next(); leaf.isPresent(); leaf = parts.next()) {
                walk.leaf(leaf.get());
            }
        } catch (MalformedMessageException e) {
            walk.refuse(new Refusal(THE_MESSAGE, RefusalReason.MALFORMED, "its MIME structure or encoding cannot be read"));
        }
        return walk.result();
    }

    /** Inspects a JavaMail message, streamed through a pipe rather than copied (see {@link MimeMessagePipe}). */
    public Inspection inspect(MimeMessage message, AttachmentRules rules) throws IOException, ScannerUnavailableException {
        try (InputStream raw = MimeMessagePipe.open(message)) {
            return inspect(raw, rules);
        }
    }

    /** The state of one message's inspection. */
    private final class Walk {
        private final AttachmentRules rules;
        private final List<Refusal> refusals = new ArrayList<>();
        private final List<InspectedPart> attachments = new ArrayList<>();
        private int attachmentCount;
        private long totalSize;
        private boolean tooLarge;
        private ScannerUnavailableException unavailable;

        Walk(AttachmentRules rules) {
            this.rules = rules;
        }

        void leaf(MimeLeaf leaf) throws IOException {
            // A signature's part is counted only once its bytes show it is not one (below).
            if (leaf.isAttachment() && !leaf.isSignatureSlot()) {
                countAttachment();
            }
            if (tooLarge) {
                return;
            }
            Optional<SpooledContent> spooled = spool(leaf);
            if (spooled.isEmpty()) {
                return;
            }
            try (SpooledContent content = spooled.get()) {
                totalSize += content.size();
                boolean signature = leaf.isSignatureSlot() && DetachedSignature.isDetachedSignature(content);
                if (leaf.isAttachment() && !signature) {
                    if (leaf.isSignatureSlot()) {
                        countAttachment();
                    }
                    attachments.add(new InspectedPart(leaf.displayName(), content.size(), detector.detect(content)));
                    files.inspect(leaf.displayName(), content, rules, ArchiveBudget.forAttachment()).ifPresent(this::refuse);
                }
                // A proven S/MIME signature is no file the sender chose and not in the type policy; it is still scanned.
                scan(leaf, content);
            }
        }

        private void countAttachment() {
            if (++attachmentCount == rules.maxAttachments() + 1) {
                refuse(new Refusal(THE_MESSAGE, RefusalReason.TOO_MANY_ATTACHMENTS, "more than the " + rules.maxAttachments() + " attachments allowed"));
            }
        }

        /** The decoded part, or empty when it is beyond the file or message limit (then refused). */
        private Optional<SpooledContent> spool(MimeLeaf leaf) throws IOException {
            long remaining = rules.maxMessageSize() - totalSize;
            boolean fileLimitFirst = leaf.isAttachment() && rules.maxFileSize() < remaining;
            long limit = fileLimitFirst ? rules.maxFileSize() : remaining;
            try {
                return Optional.of(spool.write(leaf.body(), limit));
            } catch (SpoolLimitExceededException e) {
                if (fileLimitFirst) {
                    totalSize += limit + 1;
                    refuse(new Refusal(leaf.displayName(), RefusalReason.FILE_TOO_LARGE,
                        "larger than the " + Sizes.human(rules.maxFileSize()) + " allowed per file"));
                } else {
                    tooLarge = true;
                    refuse(new Refusal(THE_MESSAGE, RefusalReason.MESSAGE_TOO_LARGE,
                        "its parts, decoded, are larger than the " + Sizes.human(rules.maxMessageSize()) + " allowed per message"));
                }
                return Optional.empty();
            }
        }

        private void scan(MimeLeaf leaf, SpooledContent content) throws IOException {
            if (!refusals.isEmpty() || unavailable != null) {
                return;
            }
            ScanResult result;
            try (InputStream in = content.open()) {
                result = scanner.scan(in);
            } catch (ScannerUnavailableException e) {
                unavailable = e;
                return;
            }
            switch (result.outcome()) {
                case INFECTED -> refuse(new Refusal(leaf.displayName(), RefusalReason.VIRUS, "contains a virus (" + result.detail() + ")"));
                case UNSCANNABLE -> refuse(new Refusal(leaf.displayName(), RefusalReason.UNSCANNABLE,
                    "cannot be scanned for viruses (" + result.detail() + "), so it cannot be accepted"));
                case CLEAN -> {
                }
            }
        }

        void refuse(Refusal refusal) {
            refusals.add(refusal);
        }

        Inspection result() throws ScannerUnavailableException {
            if (refusals.isEmpty() && unavailable != null) {
                throw unavailable;
            }
            return new Inspection(refusals, attachments);
        }
    }
}
