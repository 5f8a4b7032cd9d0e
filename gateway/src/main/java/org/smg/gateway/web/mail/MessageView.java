package org.smg.gateway.web.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message ready to show: its headers, its body as safe HTML (sanitized HTML or escaped plain text), whether remote
 * images were left out, and its attachments (numbered as leaves of the MIME tree, the number the download route takes).
 */
public record MessageView(long uid, String from, String to, String cc, String subject, Instant date, Optional<String> topic,
                          String safeBody, boolean remoteContentBlocked, boolean remoteContentShown, List<Attachment> attachments) {
    public record Attachment(int part, String name, String declaredType) {
    }
}
