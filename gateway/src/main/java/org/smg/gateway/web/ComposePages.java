package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.mail.Flags;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.consent.ConsentScope;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.routing.GatewayHeaders;
import org.smg.gateway.web.mail.MailSessions;
import org.smg.policies.model.AttachmentRules;

import io.undertow.server.HttpServerExchange;

/**
 * {@code /compose}: writing to the office. A new message to one of the citizen's topics, a reply to a message, files
 * attached (each checked as it arrives, see {@link UploadCheck}), drafts kept in the Drafts folder, and the
 * "Success!" page of a sent message. Sending goes through {@link WebSubmission}, the submission ports' rules.
 *
 * <p>Bodies with files are read only from a signed-in session, and only once their CSRF token matched: the session
 * is checked before any byte of the body is read (a request without one is refused and its connection closed),
 * and the per-request size limit comes from the attachment policy, the server's small default staying in force
 * everywhere else.
 */
final class ComposePages {
    private static final Logger LOGGER = LoggerFactory.getLogger(ComposePages.class);
    /** Room for the text fields and the multipart framing around the files. */
    private static final long FORM_OVERHEAD = 512 * 1024;
    static final String SWITCHED = "This form was opened for another inbox than the one you are looking at now. Nothing was sent"
        + " or saved; open the form again from the inbox you want to write for.";
    static final String DELEGATED_DRAFT = "Drafts are not kept in an inbox you look at for someone else (nothing is added to"
        + " their folders). Your message and files are kept below: send it, or keep a copy yourself.";
    static final String READ_ONLY = "Your consent for this inbox lets you read its messages, not write or reply. Ask the citizen"
        + " for a read-and-reply consent to write on their behalf.";

    private final Pages pages;
    private final SignedIn signedIn;
    private final Visit visit;
    private final Enrollment enrollment;
    private final MailSessions sessions;
    private final MailFolders folders;
    private final ComposeAttachments attachments;
    private final ScriptUpload scriptUpload;
    private final WebSubmission submission;

    ComposePages(Pages pages, SignedIn signedIn, Visit visit, Enrollment enrollment, MailSessions sessions, MailFolders folders,
                 ComposeAttachments attachments, WebSubmission submission) {
        this.pages = pages;
        this.signedIn = signedIn;
        this.visit = visit;
        this.enrollment = enrollment;
        this.sessions = sessions;
        this.folders = folders;
        this.attachments = attachments;
        this.scriptUpload = new ScriptUpload(attachments);
        this.submission = submission;
    }

    /** {@code GET /compose}: a new message; files attached earlier in this session are kept. */
    void show(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writer(exchange);
        if (writer.isPresent()) {
            form(exchange, 200, writer.get(), ComposeForm.empty(), List.of(), null, null);
        }
    }

    /** {@code GET /compose/reply/{folder}/{uid}}: a reply to the message's reply address, "Re:" subject, quoted text. */
    void reply(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writer(exchange);
        if (writer.isEmpty()) {
            return;
        }
        Optional<MessageUid> uid = uid(PathParameters.of(exchange, "uid"));
        Optional<StoredMessage> original = Optional.empty();
        if (uid.isPresent()) {
            MailboxSession session = sessions.open(writer.get().person());
            try {
                Optional<InputStream> raw = folders.open(session, PathParameters.of(exchange, "folder"), uid.get());
                if (raw.isPresent()) {
                    try (InputStream in = raw.get()) {
                        original = Optional.of(StoredMessage.read(in, false));
                    }
                }
            } finally {
                sessions.close(session);
            }
        }
        if (original.isEmpty()) {
            pages.message(exchange, 404, "Message not found", "There is no such message to reply to.", "/compose", "Write a new message");
            return;
        }
        String answering = ComposeForm.answering(PathParameters.of(exchange, "folder"), uid.get());
        form(exchange, 200, writer.get(), original.get().replyForm(answering), List.of(), null, null);
    }

    /** {@code POST /compose/upload}: files attached, either one raw file from the script or the whole form without it. */
    void upload(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writerBeforeBody(exchange);
        if (writer.isEmpty()) {
            return;
        }
        if (ScriptUpload.sentByScript(exchange)) {
            scriptUpload.receive(exchange, writer.get().person().session(), writer.get().author().inbox().address());
            return;
        }
        Optional<Submitted> submitted = submitted(exchange, writer.get());
        if (submitted.isPresent()) {
            List<String> errors = submitted.get().fileErrors();
            form(exchange, errors.isEmpty() ? 200 : 400, writer.get(), submitted.get().form(), errors, null,
                errors.isEmpty() ? "The files were checked and attached." : null);
        }
    }

    /** {@code POST /compose/remove}: one attached file taken off the message; what was written is kept. */
    void removeFile(HttpServerExchange exchange) throws Exception {
        Optional<Submitted> submitted = submitted(exchange);
        if (submitted.isEmpty()) {
            return;
        }
        Writer writer = submitted.get().writer();
        Optional<ComposeFiles.File> removed = writer.person().session().composeFiles().remove(submitted.get().remove());
        form(exchange, removed.isPresent() ? 200 : 404, writer, submitted.get().form(), submitted.get().fileErrors(),
            removed.isPresent() ? null : "That file is no longer attached.",
            removed.map(file -> "\u201c" + file.name() + "\u201d was removed from your message.").orElse(null));
    }

    /** {@code POST /compose/send}. */
    void send(HttpServerExchange exchange) throws Exception {
        Optional<Submitted> submitted = submitted(exchange);
        if (submitted.isEmpty()) {
            return;
        }
        Writer writer = submitted.get().writer();
        ComposeForm form = submitted.get().form();
        if (!submitted.get().fileErrors().isEmpty()) {
            form(exchange, 400, writer, form, submitted.get().fileErrors(), "Nothing was sent: a file was refused. Your message is kept below.", null);
            return;
        }
        if (form.subject().isBlank()) {
            form(exchange, 400, writer, form, List.of(), "Write a subject for your message.", null);
            return;
        }
        sendMessage(exchange, writer, form);
    }

    private void sendMessage(HttpServerExchange exchange, Writer writer, ComposeForm form) throws Exception {
        ComposeFiles files = writer.person().session().composeFiles();
        List<ComposeFiles.File> attached = files.list();
        MimeMessage message;
        String mailName;
        try {
            MailAddress recipient = submission.recipient(writer.author(), form.to());
            message = ComposedMessage.build(from(writer), form, attached);
            mailName = submission.send(writer.author(), recipient, message, Visit.client(exchange));
        } catch (WebSubmission.Refused e) {
            List<String> fileErrors = e.fileName().map(name -> List.of(e.getMessage())).orElse(List.of());
            form(exchange, 400, writer, form, fileErrors, fileErrors.isEmpty() ? e.getMessage() : "Nothing was sent: a file was refused.", null);
            return;
        }
        if (writer.author().delegated().isEmpty()) {
            keepSentCopy(writer, form, message, mailName);
        }
        form.answered().ifPresent(answered -> markAnswered(writer, answered));
        String id = UUID.randomUUID().toString();
        List<AttachedFile> shown = attached.stream().map(ComposeFiles.File::view).toList();
        files.sent(new ComposeFiles.Receipt(id, label(writer, form.to()), shown));
        files.clear(attached);
        LOGGER.debug("web mail {} sent, receipt {}", mailName, id);
        Pages.redirect(exchange, "/compose/sent/" + id);
    }

    /** The copy in Sent, and the draft it was written from removed; in the writer's own inbox only. */
    private void keepSentCopy(Writer writer, ComposeForm form, MimeMessage message, String mailName) throws Exception {
        MailboxSession session = sessions.open(writer.person());
        try {
            folders.append(session, MailFolders.SENT, message, new Flags(Flags.Flag.SEEN));
        } catch (org.apache.james.mailbox.exception.MailboxException e) {
            // The mail is on its way already: say so, not "something went wrong".
            LOGGER.warn("web mail {} sent, but its copy could not be kept in Sent: {}", mailName, e.toString());
        } finally {
            uid(form.draft()).ifPresent(uid -> removeDraft(session, uid));
            sessions.close(session);
        }
    }

    /** The message replied to flagged {@code \Answered}, as a mail client does; the mail is sent already whatever happens. */
    private void markAnswered(Writer writer, ComposeForm.Answered answered) {
        try {
            MailboxSession session = sessions.open(writer.person());
            try {
                folders.addFlags(session, answered.folder(), answered.uid(), new Flags(Flags.Flag.ANSWERED));
            } finally {
                sessions.close(session);
            }
        } catch (Exception e) {
            LOGGER.warn("answered message {} could not be flagged: {}", answered.uid().asLong(), e.toString());
        }
    }

    /** {@code GET /compose/sent/{id}}: "Success!" with each attached file's name, size and detected type. */
    void sent(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> person = signedIn.require(exchange, false);
        if (person.isEmpty()) {
            return;
        }
        Optional<ComposeFiles.Receipt> receipt = person.get().session().composeFiles().receipt(PathParameters.of(exchange, "id"));
        if (receipt.isEmpty()) {
            pages.message(exchange, 404, "Not found", "There is no sent message with this reference in your session.", "/compose",
                "Write a message");
            return;
        }
        pages.send(exchange, 200, "compose-sent", params("csrf", person.get().session().csrfToken(), "to", receipt.get().to(), "files", receipt.get().files()));
    }

    /** {@code POST /compose/draft}: the message saved in Drafts ({@code \Draft}), replacing the draft it was opened from. */
    void saveDraft(HttpServerExchange exchange) throws Exception {
        Optional<Submitted> submitted = submitted(exchange);
        if (submitted.isEmpty()) {
            return;
        }
        Writer writer = submitted.get().writer();
        ComposeForm form = submitted.get().form();
        List<String> errors = submitted.get().fileErrors();
        if (writer.author().delegated().isPresent()) {
            // As over IMAP, a representative adds nothing to the citizen's folders: no Drafts there.
            form(exchange, 403, writer, form, errors, DELEGATED_DRAFT, null);
            return;
        }
        MailboxSession session = sessions.open(writer.person());
        MimeMessage message = ComposedMessage.build(from(writer), form, writer.person().session().composeFiles().list());
        if (form.answered().isPresent()) {
            message.setHeader(GatewayHeaders.DRAFT_ANSWERING, form.answeringHeader());
        }
        Flags flags = new Flags(Flags.Flag.DRAFT);
        flags.add(Flags.Flag.SEEN);
        MessageUid saved;
        try {
            saved = folders.append(session, MailFolders.DRAFTS, message, flags);
            uid(form.draft()).ifPresent(uid -> removeDraft(session, uid));
        } catch (org.apache.james.mailbox.exception.MailboxException e) {
            LOGGER.warn("web draft for {} could not be saved: {}", writer.author().inbox().address(), e.toString());
            form(exchange, 503, writer, form, errors, "Your draft could not be saved in the Drafts folder just now;"
                + " your message and files are kept below. Try again later.", null);
            return;
        } finally {
            sessions.close(session);
        }
        ComposeForm kept = new ComposeForm(form.to(), form.subject(), form.body(), form.inReplyTo(), String.valueOf(saved.asLong()),
            form.answering());
        form(exchange, errors.isEmpty() ? 200 : 400, writer, kept, errors, null,
            "Your draft was saved in the Drafts folder. You can open it again from there.");
    }

    /**
     * {@code GET /compose/draft/{uid}}: a saved draft opened again, its files checked again and attached. When files are
     * attached to a message being written, a page asks first (opening the draft replaces them): a GET never drops them.
     */
    void openDraft(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writer(exchange);
        if (writer.isEmpty()) {
            return;
        }
        Optional<MessageUid> uid = uid(PathParameters.of(exchange, "uid"));
        if (uid.isEmpty()) {
            draftNotFound(exchange);
            return;
        }
        List<AttachedFile> attached = writer.get().person().session().composeFiles().list().stream().map(ComposeFiles.File::view).toList();
        if (!attached.isEmpty()) {
            // The uid is a number here: the form's address cannot be steered anywhere else.
            pages.send(exchange, 200, "compose-open-draft", params("csrf", writer.get().person().session().csrfToken(),
                "uid", uid.get().asLong(), "files", attached));
            return;
        }
        loadDraft(exchange, writer.get(), uid.get(), false);
    }

    /** {@code POST /compose/draft/{uid}}: the draft opened in place of the message being written, whose files are deleted. */
    void replaceWithDraft(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writerBeforeBody(exchange);
        if (writer.isEmpty()) {
            return;
        }
        visit.checkedForm(exchange, FormBody.read(exchange));
        Optional<MessageUid> uid = uid(PathParameters.of(exchange, "uid"));
        if (uid.isEmpty()) {
            draftNotFound(exchange);
            return;
        }
        loadDraft(exchange, writer.get(), uid.get(), true);
    }

    /** The draft's form and files; {@code replacing} deletes the files attached so far (only a confirmed POST does). */
    private void loadDraft(HttpServerExchange exchange, Writer writer, MessageUid uid, boolean replacing) throws Exception {
        StoredMessage draft = null;
        MailboxSession session = sessions.open(writer.person());
        try {
            Optional<InputStream> raw = folders.open(session, MailFolders.DRAFTS, uid);
            if (raw.isPresent()) {
                try (InputStream in = raw.get()) {
                    draft = StoredMessage.read(in, true);
                }
            }
        } finally {
            sessions.close(session);
        }
        if (draft == null) {
            draftNotFound(exchange);
            return;
        }
        ComposeFiles files = writer.person().session().composeFiles();
        if (replacing) {
            files.clear();
        }
        List<String> errors = attachments.accept(files, writer.author().inbox().address(), draft.files()).errors();
        form(exchange, errors.isEmpty() ? 200 : 400, writer, draft.draftForm(uid), errors, null, null);
    }

    private void draftNotFound(HttpServerExchange exchange) {
        pages.message(exchange, 404, "Draft not found", "There is no such draft.", "/compose", "Write a new message");
    }

    // ------------------------------------------------------------------ the parts

    /** Who writes, and for whose inbox. */
    private record Writer(SignedIn.Citizen person, WebSubmission.Author author) {
    }

    /** The writer of a page without a body, or empty when the page was answered (sign-in, read-only consent). */
    private Optional<Writer> writer(HttpServerExchange exchange) throws Exception {
        Optional<SignedIn.Citizen> person = signedIn.require(exchange, false);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        WebSubmission.Author author;
        try {
            author = submission.author(person.get());
        } catch (WebSubmission.Refused e) {
            pages.message(exchange, 403, "You cannot write for this inbox", e.getMessage(), "/mail", "Back to the inbox");
            return Optional.empty();
        }
        if (author.delegated().isPresent() && author.delegated().get().scope() != ConsentScope.READ_REPLY) {
            pages.message(exchange, 403, "You cannot write for this inbox", READ_ONLY, "/mail", "Back to the inbox");
            return Optional.empty();
        }
        return Optional.of(new Writer(person.get(), author));
    }

    /**
     * As {@link #writer}, for a request with a body that may be large: checked before a byte of it is read; a refusal
     * closes the connection instead of reading the body away.
     */
    private Optional<Writer> writerBeforeBody(HttpServerExchange exchange) throws Exception {
        if (visit.signedIn(exchange).isEmpty()) {
            exchange.setPersistent(false);
            LOGGER.info("web upload refused from {}: not signed in", Visit.client(exchange));
            pages.message(exchange, 403, "Sign in first", "Sign in to write and attach files.", "/signin", "Sign in");
            return Optional.empty();
        }
        Optional<Writer> writer = writer(exchange);
        if (writer.isEmpty()) {
            exchange.setPersistent(false);
        }
        return writer;
    }

    /** A posted compose form: its writer, what was written, the sentences of files refused, the file to remove (if any). */
    private record Submitted(Writer writer, ComposeForm form, List<String> fileErrors, String remove) {
    }

    /** The posted form, its files checked and attached; empty when the request was answered (no session, other inbox). */
    private Optional<Submitted> submitted(HttpServerExchange exchange) throws Exception {
        Optional<Writer> writer = writerBeforeBody(exchange);
        return writer.isEmpty() ? Optional.empty() : submitted(exchange, writer.get());
    }

    private Optional<Submitted> submitted(HttpServerExchange exchange, Writer writer) throws Exception {
        String inbox = writer.author().inbox().address();
        AttachmentRules rules = attachments.rulesFor(inbox);
        exchange.setMaxEntitySize(rules.maxMessageSize() + FORM_OVERHEAD);
        try (MultipartUpload upload = MultipartUpload.read(exchange, writer.person().session().csrfToken(), rules.maxFileSize(),
                rules.maxAttachments())) {
            if (!upload.field("inbox").equalsIgnoreCase(inbox)) {
                // A representative switched inboxes in another tab: nothing is sent or saved for the wrong person.
                pages.message(exchange, 409, "You changed inboxes", SWITCHED, "/compose", "Write a message");
                return Optional.empty();
            }
            ComposeForm form = formOf(upload);
            List<MultipartUpload.Part> parts = upload.files();
            // accept() attaches or deletes every part, even when it fails half-way: the upload must not delete them again.
            upload.release();
            List<String> errors = attachments.accept(writer.person().session().composeFiles(), inbox, parts).errors();
            return Optional.of(new Submitted(writer, form, errors, upload.field("remove")));
        }
    }

    private void form(HttpServerExchange exchange, int status, Writer writer, ComposeForm form, List<String> fileErrors, String error,
                      String notice) throws SQLException {
        AttachmentRules rules = attachments.rulesFor(writer.author().inbox().address());
        List<org.smg.gateway.enrollment.TopicAddresses.TopicAddress> topics = enrollment.topicAddresses(writer.author().inbox());
        // A reply goes to a reply address, which is no topic: the recipient is then fixed, not chosen.
        boolean reply = !form.to().isBlank() && topics.stream().noneMatch(topic -> topic.address().equalsIgnoreCase(form.to()));
        String heading = reply ? "Reply" : "Write a message";
        if (writer.author().delegated().isPresent()) {
            heading += " for " + writer.author().inbox().displayName();
        }
        pages.send(exchange, status, "compose-form", params("csrf", writer.person().session().csrfToken(), "heading", heading,
            "inbox", writer.author().inbox().address(),
            "topics", topics, "reply", reply, "replyLabel", label(writer, form.to()),
            "form", form, "files", writer.person().session().composeFiles().list().stream().map(ComposeFiles.File::view).toList(),
            "fileErrors", fileErrors, "error", error, "notice", notice,
            "maxFileBytes", rules.maxFileSize(), "tooLarge", ComposeAttachments.tooLarge(rules),
            "limits", "Up to " + rules.maxAttachments() + " files, each at most " + HumanSize.of(rules.maxFileSize()) + ", "
                + HumanSize.of(rules.maxMessageSize()) + " together. Files are checked for their type and for viruses."));
    }

    /** The topic's label for a topic address, else the address itself (a reply address). */
    private String label(Writer writer, String to) {
        return enrollment.topicAddresses(writer.author().inbox()).stream().filter(topic -> topic.address().equalsIgnoreCase(to))
            .map(topic -> topic.label() + " (" + topic.address() + ")").findFirst().orElse(to);
    }

    private static InternetAddress from(Writer writer) throws MessagingException {
        return ComposedMessage.author(writer.author().inbox().address(), writer.author().inbox().displayName());
    }

    private void removeDraft(MailboxSession session, MessageUid uid) {
        try {
            folders.remove(session, MailFolders.DRAFTS, uid);
        } catch (org.apache.james.mailbox.exception.MailboxException e) {
            LOGGER.warn("draft {} could not be removed: {}", uid.asLong(), e.toString());
        }
    }

    private static ComposeForm formOf(MultipartUpload upload) throws FormBody.Refused {
        String subject = upload.field("subject").replaceAll("[\\r\\n]", " ");
        if (subject.length() > ComposeForm.MAX_SUBJECT) {
            throw new FormBody.Refused(400, "The subject is longer than " + ComposeForm.MAX_SUBJECT + " characters.");
        }
        return new ComposeForm(upload.field("to").strip(), subject, upload.field("body"), upload.field("inReplyTo").replaceAll("[\\r\\n]", ""),
            upload.field("draft").strip(), upload.field("answering").strip());
    }

    private static Optional<MessageUid> uid(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,9}")) {
            return Optional.empty();
        }
        return Optional.of(MessageUid.of(Long.parseLong(text)));
    }

}
