package org.smg.gateway.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.smg.gateway.web.mail.MessageSummary;
import org.smg.gateway.web.mail.WebMailbox;

/** Addresses and labels the mail pages' templates use: folder names in paths are percent-encoded, INBOX is "Inbox". */
public final class MailLinks {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MailLinks() {
    }

    public static String folder(String name) {
        return name.equals(WebMailbox.INBOX) ? "/mail" : "/mail/folder/" + segment(name);
    }

    public static String message(String folder, long uid) {
        return "/mail/message/" + segment(folder) + "/" + uid;
    }

    /** The compose page answering the message (the compose pages refuse it again for a read-only representative). */
    public static String reply(String folder, long uid) {
        return "/compose/reply/" + segment(folder) + "/" + uid;
    }

    /** The compose page with a saved draft opened again, to finish and send it. */
    public static String draft(long uid) {
        return "/compose/draft/" + uid;
    }

    public static boolean isDrafts(String folder) {
        return folder.equalsIgnoreCase("Drafts");
    }

    /** Whether the message page offers Reply: not for one's own Sent and Drafts, nor in an inbox shown read only. */
    public static boolean canReply(String folder, String scope) {
        return !folder.equalsIgnoreCase("Sent") && !folder.equalsIgnoreCase("Drafts") && !scope.equals("read only");
    }

    public static String label(String folder) {
        return folder.equals(WebMailbox.INBOX) ? "Inbox" : folder;
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** Who the line names: the recipient in Sent and Drafts, else the sender. */
    public static String correspondent(String folder, MessageSummary message) {
        boolean outgoing = folder.equalsIgnoreCase("Sent") || folder.equalsIgnoreCase("Drafts");
        return outgoing ? "To " + message.to() : "From " + message.from();
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
