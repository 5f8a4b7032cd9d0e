package org.smg.gateway.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.policies.model.AttachmentRules;

/**
 * The files of the message a session is writing, checked as they arrive: the attachment policy of the inbox written
 * for (count, sizes), then type and virus scan ({@link UploadCheck}), the same rules as mail over SMTP. Accepted files
 * join the session's {@link ComposeFiles}; refused ones are deleted at once.
 */
final class ComposeAttachments {
    private static final Logger LOGGER = LoggerFactory.getLogger(ComposeAttachments.class);

    private final UploadCheck check;

    ComposeAttachments(UploadCheck check) {
        this.check = check;
    }

    /** The files attached, and one sentence per file refused, naming it and the reason. */
    record Accepted(List<ComposeFiles.File> added, List<String> errors) {
    }

    AttachmentRules rulesFor(String inbox) throws SQLException {
        return check.rulesFor(inbox);
    }

    /**
     * Checks each file and attaches those accepted; the others are deleted. Every part is either attached or deleted
     * when this returns, and when it fails half-way too (the parts not reached are deleted), so no file is left behind.
     */
    Accepted accept(ComposeFiles files, String inbox, List<MultipartUpload.Part> parts) throws IOException, SQLException {
        List<ComposeFiles.File> added = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int next = 0;
        try {
            AttachmentRules rules = check.rulesFor(inbox);
            for (; next < parts.size(); next++) {
                MultipartUpload.Part part = parts.get(next);
                String problem = part.tooLarge() ? tooLarge(rules) : noRoom(files, part.content().size(), rules);
                if (problem == null) {
                    problem = attach(files, part, rules, added);
                } else {
                    delete(part);
                }
                if (problem != null) {
                    errors.add(refused(part.name(), problem));
                }
            }
        } catch (IOException | SQLException | RuntimeException e) {
            // The part being checked was not attached (attach adds last): it and the rest go.
            parts.subList(next, parts.size()).forEach(ComposeAttachments::delete);
            throw e;
        }
        if (!errors.isEmpty()) {
            // File names and reasons stay out of the log: names are the citizen's content.
            LOGGER.info("web upload for {}: {} of {} file(s) refused", inbox, errors.size(), parts.size());
        }
        return new Accepted(added, errors);
    }

    private static void delete(MultipartUpload.Part part) {
        if (part.content() != null) {
            part.content().close();
        }
    }

    static String tooLarge(AttachmentRules rules) {
        return "larger than the " + HumanSize.of(rules.maxFileSize()) + " allowed per file";
    }

    static String refused(String name, String reason) {
        return "\"" + name + "\" was not attached: " + reason + ".";
    }

    /** Why the message has no room for a file of {@code size} bytes, or null when it has. */
    private static String noRoom(ComposeFiles files, long size, AttachmentRules rules) {
        if (files.list().size() >= rules.maxAttachments()) {
            return "a message may carry at most " + rules.maxAttachments() + " files";
        }
        if (files.totalSize() + size > rules.maxMessageSize()) {
            return "the files of a message may be at most " + HumanSize.of(rules.maxMessageSize()) + " together";
        }
        return null;
    }

    /** Inspects the file and attaches it when accepted; the reason it was refused (and deleted), or null. */
    private String attach(ComposeFiles files, MultipartUpload.Part part, AttachmentRules rules, List<ComposeFiles.File> added)
            throws IOException {
        UploadCheck.Outcome outcome;
        try {
            outcome = check.check(part.name(), part.content(), rules);
        } catch (ScannerUnavailableException e) {
            part.content().close();
            return "it could not be scanned for viruses just now; try again in a few minutes";
        }
        if (outcome.refused().isPresent()) {
            part.content().close();
            return outcome.refused().get().explanation();
        }
        long size = part.content().size();
        // Checked again with the addition itself: another upload of the session may have taken the room meanwhile.
        Optional<ComposeFiles.File> file = files.addWithin(part.name(), size, outcome.accepted().orElseThrow().detectedType(),
            part.content(), rules.maxAttachments(), rules.maxMessageSize());
        if (file.isEmpty()) {
            return Optional.ofNullable(noRoom(files, size, rules)).orElse("the session has ended; sign in again");
        }
        added.add(file.get());
        return null;
    }
}
