package org.smg.gateway.web;

/**
 * What the citizen wrote: the recipient (a topic address, or the reply address of the message answered), subject,
 * body, the {@code Message-ID} answered (empty for a new message) and the draft it was reopened from (empty for none).
 */
public record ComposeForm(String to, String subject, String body, String inReplyTo, String draft) {
    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 256 * 1024;

    static ComposeForm empty() {
        return new ComposeForm("", "", "", "", "");
    }
}
