package org.smg.gateway.web;

import static org.smg.gateway.web.Pages.params;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.MalformedMessageException;
import org.smg.gateway.attachments.ScannerUnavailableException;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.web.mail.AttachmentDownloads;
import org.smg.gateway.web.mail.ConsentEndedException;
import org.smg.gateway.web.mail.ConsentScopeException;
import org.smg.gateway.web.mail.DownloadNames;
import org.smg.gateway.web.mail.MailServices;
import org.smg.gateway.web.mail.MailSessions;
import org.smg.gateway.web.mail.MessageView;
import org.smg.gateway.web.mail.Paging;
import org.smg.gateway.web.mail.Topics;
import org.smg.gateway.web.mail.WebMailbox;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * {@code /mail}: the inbox and the other folders, a message, its attachments, search, move, delete, and a
 * representative's switch between inboxes. Every read and change goes through James's mailbox API in the session
 * {@link MailSessions} opens for the inbox shown; the pages only show what it answers.
 */
final class MailPages {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailPages.class);
    static final String CONSENT_ENDED = "Your consent to act for %s is no longer valid (it ended or was revoked). You are back in your own inbox.";
    private static final Map<String, String> NOTICES = Map.of(
        "moved", "The message was moved.",
        "trashed", "The message was moved to Trash.",
        "deleted", "The message was deleted for good.",
        "switched", "The inbox shown was switched.");
    /** Remote images may load on the one page the reader asked for them: the page's policy, widened for images only. */
    /** The message page's policy once the reader asked for pictures: https images, and no script at all (the page needs none). */
    static final String REMOTE_IMAGES_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY.replace("script-src 'self'; connect-src 'self'; ", "")
        .replace("img-src 'self'", "img-src 'self' https:");

    /** One use of the open mailbox session. */
    @FunctionalInterface
    private interface MailAction {
        void run(SignedIn.Citizen citizen, MailboxSession session) throws Exception;
    }

    private final Enrollment enrollment;
    private final MailServices mail;
    private final Pages pages;
    private final Visit visit;
    private final SignedIn signedIn;

    MailPages(Enrollment enrollment, MailServices mail, Pages pages, Visit visit, SignedIn signedIn) {
        this.enrollment = enrollment;
        this.mail = mail;
        this.pages = pages;
        this.visit = visit;
        this.signedIn = signedIn;
    }

    void inbox(HttpServerExchange exchange) throws Exception {
        withMail(exchange, (citizen, session) -> folderPage(exchange, citizen, session, WebMailbox.INBOX, notice(exchange), null));
    }

    void folder(HttpServerExchange exchange) throws Exception {
        withMail(exchange, (citizen, session) -> folderPage(exchange, citizen, session, PathParameters.of(exchange, "folder"), notice(exchange), null));
    }

    void search(HttpServerExchange exchange) throws Exception {
        withMail(exchange, (citizen, session) -> {
            String folder = query(exchange, "folder").filter(name -> !name.isBlank()).orElse(WebMailbox.INBOX);
            String from = query(exchange, "from").orElse("");
            String subject = query(exchange, "subject").orElse("");
            String after = query(exchange, "after").orElse("");
            String before = query(exchange, "before").orElse("");
            Optional<Date> afterDate;
            Optional<Date> beforeDate;
            try {
                afterDate = date(after);
                beforeDate = date(before);
            } catch (DateTimeParseException e) {
                folderPage(exchange, citizen, session, folder, null, "Dates must be written as year-month-day, such as 2026-01-31.");
                return;
            }
            WebMailbox.FolderPage page = mail.mailbox().search(session, folder, new WebMailbox.Search(from, subject, afterDate, beforeDate),
                Paging.parse(query(exchange, "page").orElse(null)), topics(session));
            String link = "/mail/search?folder=" + MailLinks.segment(folder) + "&from=" + MailLinks.segment(from) + "&subject="
                + MailLinks.segment(subject) + "&after=" + MailLinks.segment(after) + "&before=" + MailLinks.segment(before) + "&page=";
            send(exchange, 200, citizen, session, "Search results", page, null, null, new String[] {from, subject, after, before}, link);
        });
    }

    void message(HttpServerExchange exchange) throws Exception {
        withMail(exchange, (citizen, session) -> showMessage(exchange, citizen, session, false));
    }

    /** POST: the same message, with remote images allowed for this response only. */
    void remoteContent(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        withMail(exchange, (citizen, session) -> showMessage(exchange, citizen, session, true));
    }

    void part(HttpServerExchange exchange) throws Exception {
        withMail(exchange, (citizen, session) -> {
            Optional<InputStream> raw = mail.mailbox().raw(session, PathParameters.of(exchange, "folder"), uid(exchange));
            if (raw.isEmpty()) {
                notFound(exchange);
                return;
            }
            Optional<AttachmentDownloads.Prepared> prepared;
            try (InputStream in = raw.get()) {
                prepared = mail.downloads().prepare(in, (int) Math.min(Integer.MAX_VALUE, number(PathParameters.of(exchange, "part"))));
            } catch (ScannerUnavailableException e) {
                LOGGER.warn("web download: scanner unavailable: {}", e.getMessage());
                pages.message(exchange, 503, "Download not possible now", "The file cannot be checked for viruses right now, so it is not"
                    + " sent. Try again in a few minutes.", MailLinks.message(PathParameters.of(exchange, "folder"), uid(exchange)), "Back to the message");
                return;
            }
            if (prepared.isEmpty()) {
                notFound(exchange);
                return;
            }
            if (prepared.get() instanceof AttachmentDownloads.Refused refused) {
                LOGGER.info("web download refused by the scanner: {}", refused.verdict());
                pages.message(exchange, 403, "File not sent", "The virus scanner did not find the file " + refused.name() + " safe ("
                    + refused.verdict().detail() + "), so it is not sent. The office can send it again.",
                    MailLinks.message(PathParameters.of(exchange, "folder"), uid(exchange)), "Back to the message");
                return;
            }
            try (AttachmentDownloads.Ready ready = (AttachmentDownloads.Ready) prepared.get()) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, ready.type());
                exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, DownloadNames.contentDisposition(ready.name()));
                exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, ready.content().size());
                try (InputStream in = ready.content().open(); OutputStream out = exchange.getOutputStream()) {
                    in.transferTo(out);
                }
            }
        });
    }

    void move(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        withMail(exchange, (citizen, session) -> {
            String folder = form.field("folder");
            mail.mailbox().move(session, folder, number(form.field("uid")), form.field("target"));
            Pages.redirect(exchange, MailLinks.folder(folder) + "?notice=moved");
        });
    }

    void delete(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        withMail(exchange, (citizen, session) -> {
            String folder = form.field("folder");
            boolean trashed = mail.mailbox().delete(session, folder, number(form.field("uid")));
            Pages.redirect(exchange, MailLinks.folder(folder) + "?notice=" + (trashed ? "trashed" : "deleted"));
        });
    }

    void switchInbox(HttpServerExchange exchange) throws Exception {
        FormBody form = FormBody.read(exchange);
        visit.checkedForm(exchange, form);
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        if (!mail.sessions().switchTo(citizen.get(), form.field("inbox").strip(), Visit.client(exchange))) {
            citizen.get().session().actFor(null);
            MailboxSession session = mail.sessions().open(citizen.get());
            try {
                folderPage(exchange, citizen.get(), session, WebMailbox.INBOX, null, "You hold no valid consent to act for that account;"
                    + " your own inbox is shown.");
            } finally {
                mail.sessions().close(session);
            }
            return;
        }
        Pages.redirect(exchange, "/mail?notice=switched");
    }

    /** Opens the mailbox session of the inbox shown, runs the action, and turns mailbox refusals into pages. */
    private void withMail(HttpServerExchange exchange, MailAction action) throws Exception {
        Optional<SignedIn.Citizen> citizen = signedIn.require(exchange, false);
        if (citizen.isEmpty()) {
            return;
        }
        MailboxSession session;
        try {
            session = mail.sessions().open(citizen.get());
        } catch (ConsentEndedException e) {
            session = mail.sessions().open(citizen.get());
            try {
                folderPage(exchange, citizen.get(), session, WebMailbox.INBOX, String.format(CONSENT_ENDED, e.citizen()), null);
            } finally {
                mail.sessions().close(session);
            }
            return;
        }
        try {
            action.run(citizen.get(), session);
        } catch (ConsentScopeException e) {
            pages.message(exchange, 403, "Not allowed", e.getMessage(), "/mail", "Back to the inbox");
        } catch (MailboxNotFoundException e) {
            pages.message(exchange, 404, "No such folder", "This inbox has no folder of that name.", "/mail", "Back to the inbox");
        } catch (MalformedMessageException e) {
            pages.message(exchange, 422, "Message cannot be shown", "This message's structure cannot be read by the web view ("
                + e.getMessage() + "). A mail client may still show it.", "/mail", "Back to the inbox");
        } catch (NumberFormatException e) {
            notFound(exchange);
        } finally {
            mail.sessions().close(session);
        }
    }

    private void showMessage(HttpServerExchange exchange, SignedIn.Citizen citizen, MailboxSession session, boolean remote) throws Exception {
        String folder = PathParameters.of(exchange, "folder");
        Optional<MessageView> message = mail.mailbox().read(session, folder, uid(exchange), remote, topics(session));
        if (message.isEmpty()) {
            notFound(exchange);
            return;
        }
        if (remote) {
            exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), REMOTE_IMAGES_POLICY);
        }
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        pages.send(exchange, 200, "mail-message", params("csrf", citizen.session().csrfToken(), "self", citizen.address(),
            "shown", shown(session), "scope", scopeWord(session), "folder", folder, "folders", mail.mailbox().folders(session),
            "message", message.get(), "error", null));
    }

    private void folderPage(HttpServerExchange exchange, SignedIn.Citizen citizen, MailboxSession session, String folder, String notice,
                            String error) throws Exception {
        WebMailbox.FolderPage page = mail.mailbox().page(session, folder, Paging.parse(query(exchange, "page").orElse(null)), topics(session));
        send(exchange, error == null ? 200 : 400, citizen, session, MailLinks.label(folder), page, notice, error, new String[] {"", "", "", ""},
            MailLinks.folder(folder) + "?page=");
    }

    private void send(HttpServerExchange exchange, int status, SignedIn.Citizen citizen, MailboxSession session, String title,
                      WebMailbox.FolderPage page, String notice, String error, String[] search, String pageLink) throws Exception {
        List<String> switchable = mail.sessions().switchable(citizen.address());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        pages.send(exchange, status, "mail-folder", params("title", title, "csrf", citizen.session().csrfToken(), "self", citizen.address(),
            "shown", shown(session), "switchable", switchable, "scope", scopeWord(session), "folders", mail.mailbox().folders(session),
            "page", page, "notice", notice, "error", error, "searchFrom", search[0], "searchSubject", search[1], "searchAfter", search[2],
            "searchBefore", search[3], "pageLink", pageLink));
    }

    private Topics topics(MailboxSession session) throws Exception {
        Optional<Account> owner = enrollment.find(session.getUser().asString());
        return new Topics(owner.isPresent() ? enrollment.topicAddresses(owner.get()) : List.of());
    }

    private static String shown(MailboxSession session) {
        return session.getUser().asString();
    }

    private static String scopeWord(MailboxSession session) {
        return MailSessions.scope(session).map(scope -> scope.word().equals("read") ? "read only" : "read and reply").orElse("");
    }

    private void notFound(HttpServerExchange exchange) {
        pages.message(exchange, 404, "No such message", "This folder has no such message; it may have been moved or deleted.", "/mail",
            "Back to the inbox");
    }

    private String notice(HttpServerExchange exchange) {
        return query(exchange, "notice").map(NOTICES::get).orElse(null);
    }

    private static Optional<String> query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static long uid(HttpServerExchange exchange) {
        return number(PathParameters.of(exchange, "uid"));
    }

    /** A positive number of at most 10 digits, else NumberFormatException (answered 404). */
    private static long number(String text) {
        if (!text.matches("[1-9][0-9]{0,9}")) {
            throw new NumberFormatException("not a number");
        }
        return Long.parseLong(text);
    }

    private static Optional<Date> date(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(Date.from(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
