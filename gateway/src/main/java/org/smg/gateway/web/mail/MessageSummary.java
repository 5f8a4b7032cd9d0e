package org.smg.gateway.web.mail;

import java.time.Instant;
import java.util.Optional;

/** One line of a folder's list: who, what, when, whether read, the topic it belongs to, and the paperclip. */
public record MessageSummary(long uid, String from, String to, String subject, Instant date, boolean seen,
                             boolean hasAttachments, Optional<String> topic) {
}
