package org.smg.gateway.web.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.Flags;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MailDateFormat;
import javax.mail.internet.MimeUtility;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageManager.FlagsUpdateMode;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.ComposedMessageIdWithMetaData;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.mailbox.model.SearchQuery;
import org.smg.gateway.attachments.MessageParts;
import org.smg.gateway.attachments.MimeLeaf;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The web view's reading of a mailbox, all through James's mailbox API in the session {@link MailSessions} opened:
 * the folders the user has (as created over IMAP), a page of a folder newest first with the {@code \Seen} flags IMAP
 * sees, one message (marked {@code \Seen} as a mail client would), search, move and delete.
 */
public final class WebMailbox {
    public static final String INBOX = "INBOX";
    public static final String TRASH = "Trash";
    /** Text bodies larger than this are cut when shown (the full message stays available to mail clients). */
    static final int MAX_BODY_CHARS = 1 << 20;

    /** A folder's page: the folder, the paging, and its messages newest first. */
    public record FolderPage(String folder, Paging paging, List<MessageSummary> messages) {
    }

    /** What a search asks: empty fields do not restrict. */
    public record Search(String from, String subject, Optional<Date> after, Optional<Date> before) {
        boolean isEmpty() {
            return from.isBlank() && subject.isBlank() && after.isEmpty() && before.isEmpty();
        }
    }

    private final MailboxManager mailboxes;

    @Inject
    public WebMailbox(MailboxManager mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** The user's folders, INBOX first, then by name. */
    public List<String> folders(MailboxSession session) throws MailboxException {
        return mailboxes.list(session).stream()
            .filter(path -> path.belongsTo(session))
            .map(MailboxPath::getName)
            .sorted(Comparator.comparing((String name) -> !name.equalsIgnoreCase(INBOX)).thenComparing(name -> name.toLowerCase(Locale.ROOT)))
            .toList();
    }

    public FolderPage page(MailboxSession session, String folder, int page, Topics topics) throws MailboxException {
        if (inboxNotYetMade(session, folder)) {
            return pageOf(session, null, folder, List.of(), page, topics);
        }
        MessageManager mailbox = mailboxes.getMailbox(path(session, folder), session);
        List<ComposedMessageIdWithMetaData> all = Flux.from(mailbox.listMessagesMetadata(MessageRange.all(), session))
            .sort(Comparator.comparing(meta -> meta.getComposedMessageId().getUid()))
            .collectList().block();
        return pageOf(session, mailbox, folder, all, page, topics);
    }

    public FolderPage search(MailboxSession session, String folder, Search search, int page, Topics topics) throws MailboxException {
        if (inboxNotYetMade(session, folder)) {
            return pageOf(session, null, folder, List.of(), page, topics);
        }
        MessageManager mailbox = mailboxes.getMailbox(path(session, folder), session);
        SearchQuery.Builder query = SearchQuery.builder();
        if (search.isEmpty()) {
            query.andCriterion(SearchQuery.all());
        }
        if (!search.from().isBlank()) {
            query.andCriterion(SearchQuery.address(SearchQuery.AddressType.From, search.from().strip()));
        }
        if (!search.subject().isBlank()) {
            query.andCriterion(SearchQuery.headerContains("Subject", search.subject().strip()));
        }
        search.after().ifPresent(date -> query.andCriterion(SearchQuery.or(SearchQuery.internalDateAfter(date, SearchQuery.DateResolution.Day),
            SearchQuery.internalDateOn(date, SearchQuery.DateResolution.Day))));
        search.before().ifPresent(date -> query.andCriterion(SearchQuery.or(SearchQuery.internalDateBefore(date, SearchQuery.DateResolution.Day),
            SearchQuery.internalDateOn(date, SearchQuery.DateResolution.Day))));
        Set<MessageUid> found = Flux.from(mailbox.search(query.build(), session)).collect(Collectors.toSet()).block();
        List<ComposedMessageIdWithMetaData> matching = Flux.from(mailbox.listMessagesMetadata(MessageRange.all(), session))
            .filter(meta -> found.contains(meta.getComposedMessageId().getUid()))
            .sort(Comparator.comparing(meta -> meta.getComposedMessageId().getUid()))
            .collectList().block();
        return pageOf(session, mailbox, folder, matching, page, topics);
    }

    /** An account's INBOX appears with its first message (the welcome message, delivered a moment after registration): empty until then. */
    private boolean inboxNotYetMade(MailboxSession session, String folder) throws MailboxException {
        return folder.equalsIgnoreCase(INBOX) && !Mono.from(mailboxes.mailboxExists(path(session, folder), session)).block();
    }

    private FolderPage pageOf(MailboxSession session, MessageManager mailbox, String folder, List<ComposedMessageIdWithMetaData> oldestFirst,
                              int page, Topics topics) throws MailboxException {
        Paging paging = Paging.of(oldestFirst.size(), page, Paging.PAGE_SIZE);
        List<ComposedMessageIdWithMetaData> shown = oldestFirst.subList(paging.from(), paging.to());
        Map<MessageUid, MessageSummary> summaries = new LinkedHashMap<>();
        if (!shown.isEmpty()) {
            MessageRange range = MessageRange.range(shown.get(0).getComposedMessageId().getUid(),
                shown.get(shown.size() - 1).getComposedMessageId().getUid());
            MessageResultIterator results = mailbox.getMessages(range, FetchGroup.HEADERS, session);
            while (results.hasNext()) {
                MessageResult result = results.next();
                summaries.put(result.getUid(), summary(result, topics));
            }
        }
        List<MessageSummary> newestFirst = new ArrayList<>();
        for (int i = shown.size() - 1; i >= 0; i--) {
            MessageSummary summary = summaries.get(shown.get(i).getComposedMessageId().getUid());
            if (summary != null) {
                newestFirst.add(summary);
            }
        }
        return new FolderPage(folder, paging, newestFirst);
    }

    /**
     * The message, with its body made safe; marks it {@code \Seen} through the mailbox (a delegated session may: reading
     * is what its consent allows). Empty when there is no such message.
     */
    public Optional<MessageView> read(MailboxSession session, String folder, long uid, boolean remoteContent, Topics topics)
            throws MailboxException, IOException {
        MessageManager mailbox = mailboxes.getMailbox(path(session, folder), session);
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(MessageUid.of(uid)), FetchGroup.FULL_CONTENT, session);
        if (!results.hasNext()) {
            return Optional.empty();
        }
        MessageResult result = results.next();
        InternetHeaders headers = headers(result);
        Bodies bodies;
        try (InputStream raw = result.getFullContent().getInputStream()) {
            bodies = bodies(raw);
        }
        mailbox.setFlags(new Flags(Flags.Flag.SEEN), FlagsUpdateMode.ADD, MessageRange.one(MessageUid.of(uid)), session);
        String body;
        boolean blocked = false;
        if (bodies.html != null) {
            body = HtmlBodies.sanitize(bodies.html, remoteContent);
            blocked = !remoteContent && HtmlBodies.hasRemoteContent(bodies.html);
        } else {
            body = "<pre class=\"mail-text\">" + PlainTextBodies.toHtml(bodies.text == null ? "" : bodies.text) + "</pre>";
        }
        return Optional.of(new MessageView(uid, decoded(headers, "From"), decoded(headers, "To"), decoded(headers, "Cc"),
            decoded(headers, "Subject"), date(headers, result), topics.of(addresses(headers)), body, blocked,
            remoteContent && bodies.html != null, bodies.attachments));
    }

    /** Moves the message; refused in a delegated session. */
    public void move(MailboxSession session, String folder, long uid, String target) throws MailboxException {
        MailSessions.requireChangeAllowed(session);
        mailboxes.moveMessages(MessageRange.one(MessageUid.of(uid)), path(session, folder), path(session, target), session);
    }

    /**
     * Deletes the message: moved to Trash when the user has a Trash folder and it is not already there; otherwise
     * flagged {@code \Deleted} and expunged, that one message only. Refused in a delegated session.
     *
     * @return true when moved to Trash, false when removed for good
     */
    public boolean delete(MailboxSession session, String folder, long uid) throws MailboxException {
        MailSessions.requireChangeAllowed(session);
        MessageRange one = MessageRange.one(MessageUid.of(uid));
        boolean hasTrash = folders(session).contains(TRASH);
        if (hasTrash && !folder.equals(TRASH)) {
            mailboxes.moveMessages(one, path(session, folder), path(session, TRASH), session);
            return true;
        }
        MessageManager mailbox = mailboxes.getMailbox(path(session, folder), session);
        mailbox.setFlags(new Flags(Flags.Flag.DELETED), FlagsUpdateMode.ADD, one, session);
        mailbox.expunge(one, session);
        return false;
    }

    /** The raw message, for a download to walk (the caller closes it); empty when there is no such message. */
    public Optional<InputStream> raw(MailboxSession session, String folder, long uid) throws MailboxException, IOException {
        MessageManager mailbox = mailboxes.getMailbox(path(session, folder), session);
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(MessageUid.of(uid)), FetchGroup.FULL_CONTENT, session);
        if (!results.hasNext()) {
            return Optional.empty();
        }
        return Optional.of(results.next().getFullContent().getInputStream());
    }

    static MailboxPath path(MailboxSession session, String folder) {
        return MailboxPath.forUser(session.getUser(), folder);
    }

    private static MessageSummary summary(MessageResult result, Topics topics) throws MailboxException {
        InternetHeaders headers = headers(result);
        return new MessageSummary(result.getUid().asLong(), decoded(headers, "From"), decoded(headers, "To"), decoded(headers, "Subject"),
            date(headers, result), result.getFlags().contains(Flags.Flag.SEEN), hasAttachments(headers), topics.of(addresses(headers)));
    }

    private static InternetHeaders headers(MessageResult result) throws MailboxException {
        try (InputStream in = result.getHeaders().getInputStream()) {
            return new InternetHeaders(in);
        } catch (IOException | MessagingException e) {
            throw new MailboxException("the message's headers cannot be read", e);
        }
    }

    /**
     * The paperclip, from the top-level type as a list can know it without reading bodies: a {@code multipart/mixed}
     * message (how mail clients attach files) or a single part that is not text.
     */
    static boolean hasAttachments(InternetHeaders headers) {
        String type = Optional.ofNullable(headers.getHeader("Content-Type", null)).orElse("text/plain").strip().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/mixed") || !(type.startsWith("text/") || type.startsWith("multipart/"));
    }

    private static String decoded(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, ", ");
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).strip();
        } catch (UnsupportedEncodingException e) {
            return value.strip();
        }
    }

    private static List<String> addresses(InternetHeaders headers) {
        List<String> addresses = new ArrayList<>();
        for (String name : List.of("From", "To", "Cc", "Reply-To")) {
            String value = headers.getHeader(name, ",");
            if (value == null) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (address.getAddress() != null) {
                        addresses.add(address.getAddress());
                    }
                }
            } catch (AddressException e) {
                // An unreadable address names no topic.
            }
        }
        return addresses;
    }

    private static Instant date(InternetHeaders headers, MessageResult result) {
        String value = headers.getHeader("Date", null);
        if (value != null) {
            try {
                return new MailDateFormat().parse(value).toInstant();
            } catch (java.text.ParseException | RuntimeException e) {
                // falls back to the arrival time below
            }
        }
        return result.getInternalDate().toInstant();
    }

    /** The first plain and HTML text of the message, and its attachments; bodies are read bounded, attachments not at all. */
    private static Bodies bodies(InputStream raw) throws IOException {
        Bodies bodies = new Bodies();
        MessageParts parts = new MessageParts(raw);
        for (Optional<MimeLeaf> next = parts.next(); next.isPresent(); next = parts.next()) {
            MimeLeaf leaf = next.get();
            if (leaf.isAttachment()) {
                bodies.attachments.add(new MessageView.Attachment(leaf.number(), DownloadNames.safe(leaf.displayName()), leaf.declaredType()));
            } else if (leaf.declaredType().equals("text/html") && bodies.html == null) {
                bodies.html = leaf.text(MAX_BODY_CHARS);
            } else if (leaf.declaredType().equals("text/plain") && bodies.text == null) {
                bodies.text = leaf.text(MAX_BODY_CHARS);
            }
        }
        return bodies;
    }

    private static final class Bodies {
        private String text;
        private String html;
        private final List<MessageView.Attachment> attachments = new ArrayList<>();
    }
}
