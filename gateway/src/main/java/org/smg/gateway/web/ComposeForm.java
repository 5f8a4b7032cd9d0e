package org.smg.gateway.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.mailbox.MessageUid;

/**
 * What the citizen wrote: the recipient (a topic address, or the reply address of the message answered), subject,
 * body, the {@code Message-ID} answered (empty for a new message), the draft it was reopened from (empty for none),
 * and the message it answers as {@code uid:folder} (empty for none), which is flagged {@code \Answered} once sent.
 */
public record ComposeForm(String to, String subject, String body, String inReplyTo, String draft, String answering) {
    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 256 * 1024;

    static ComposeForm empty() {
        return new ComposeForm("", "", "", "", "", "");
    }

    static String answering(String folder, MessageUid uid) {
        return uid.asLong() + ":" + folder;
    }

    /** {@link #answering} as a header value: ASCII only, whatever the folder's name ({@link #fromHeader} reverses it). */
    String answeringHeader() {
        return URLEncoder.encode(answering, StandardCharsets.UTF_8);
    }

    static String fromHeader(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    /** The message answered, as its folder and UID; empty for a new message or a value not of that shape. */
    Optional<Answered> answered() {
        int colon = answering.indexOf(':');
        if (colon < 1 || colon == answering.length() - 1 || !answering.substring(0, colon).matches("[1-9][0-9]{0,9}")
            || answering.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new Answered(answering.substring(colon + 1), MessageUid.of(Long.parseLong(answering.substring(0, colon)))));
    }

    record Answered(String folder, MessageUid uid) {
    }
}
