package org.smg.gateway.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.Refusal;
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

    AttachmentRules rulesFor(String inbox) throws SQLException {
        return check.rulesFor(inbox);
    }

    /** Checks each file and attaches those accepted; returns one sentence per refused file, naming it and the reason. */
    List<String> accept(ComposeFiles files, String inbox, List<MultipartUpload.Part> parts) throws IOException, SQLException {
        List<String> errors = new ArrayList<>();
        AttachmentRules rules = check.rulesFor(inbox);
        for (MultipartUpload.Part part : parts) {
            String problem;
            if (part.tooLarge()) {
                problem = tooLarge(rules);
            } else if (files.list().size() >= rules.maxAttachments()) {
                problem = "a message may carry at most " + rules.maxAttachments() + " files";
            } else if (files.totalSize() + part.content().size() > rules.maxMessageSize()) {
                problem = "the files of a message may be at most " + HumanSize.of(rules.maxMessageSize()) + " together";
            } else {
                problem = inspect(files, part, rules);
            }
            if (problem != null) {
                if (part.content() != null) {
                    part.content().close();
                }
                errors.add(refused(part.name(), problem));
            }
        }
        if (!errors.isEmpty()) {
            // File names and reasons stay out of the log: names are the citizen's content.
            LOGGER.info("web upload for {}: {} of {} file(s) refused", inbox, errors.size(), parts.size());
        }
        return errors;
    }

    static String tooLarge(AttachmentRules rules) {
        return "larger than the " + HumanSize.of(rules.maxFileSize()) + " allowed per file";
    }

    static String refused(String name, String reason) {
        return "\"" + name + "\" was not attached: " + reason + ".";
    }

    /** The inspection's reason for refusing the file, or null when it was attached. */
    private String inspect(ComposeFiles files, MultipartUpload.Part part, AttachmentRules rules) throws IOException {
        UploadCheck.Outcome outcome;
        try {
            outcome = check.check(part.name(), part.content(), rules);
        } catch (ScannerUnavailableException e) {
            return "it could not be scanned for viruses just now; try again in a few minutes";
        }
        if (outcome.refused().isPresent()) {
            Refusal refusal = outcome.refused().get();
            return refusal.explanation();
        }
        files.add(part.name(), part.content().size(), outcome.accepted().orElseThrow().detectedType(), part.content());
        return null;
    }
}
