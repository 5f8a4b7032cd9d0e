package org.smg.gateway.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A raw multipart message as a staff MTA or a mail client sends it: a short text body and attached files, each
 * base64-encoded under the name and declared type given (which the gateway must not believe).
 */
final class AttachedMessage {
    private final String from;
    private final String to;
    private final String subject;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private String declaredType = "application/octet-stream";

    private AttachedMessage(String from, String to, String subject) {
        this.from = from;
        this.to = to;
        this.subject = subject;
    }

    static AttachedMessage from(String from, String to, String subject) {
        return new AttachedMessage(from, to, subject);
    }

    /** The From address, which {@code SmtpSend.relay} also uses as the envelope sender. */
    String from() {
        return from;
    }

    /** The To address, which {@code SmtpSend.relay} also uses as the envelope recipient. */
    String to() {
        return to;
    }

    /** The Content-Type every attachment declares (default application/octet-stream). */
    AttachedMessage declaring(String contentType) {
        this.declaredType = contentType;
        return this;
    }

    AttachedMessage attach(String fileName, byte[] content) {
        files.put(fileName, content);
        return this;
    }

    /** The message with CRLF line ends and no terminating dot, ready for {@code SmtpConversation.command}. */
    String raw() {
        String boundary = "b-" + UUID.randomUUID();
        StringBuilder raw = new StringBuilder()
            .append("From: ").append(from).append("\r\n")
            .append("To: ").append(to).append("\r\n")
            .append("Subject: ").append(subject).append("\r\n")
            .append("Message-ID: <").append(UUID.randomUUID()).append("@test.example>\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
            .append("--").append(boundary).append("\r\n")
            .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
            .append("Please find the documents attached.\r\n");
        files.forEach((name, content) -> raw
            .append("--").append(boundary).append("\r\n")
            .append("Content-Type: ").append(declaredType).append("; name=\"").append(name).append("\"\r\n")
            .append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n")
            .append("Content-Transfer-Encoding: base64\r\n\r\n")
            .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content))
            .append("\r\n"));
        return raw.append("--").append(boundary).append("--").toString();
    }
}
