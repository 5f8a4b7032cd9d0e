package org.smg.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeUtility;

import org.apache.james.mailbox.MessageUid;
import org.smg.gateway.attachments.MessageParts;
import org.smg.gateway.attachments.MimeLeaf;
import org.smg.gateway.routing.GatewayHeaders;
import org.smg.gateway.storage.EncryptedTemporaryFile;
import org.smg.gateway.web.mail.HtmlBodies;

/**
 * A message read back from a folder to write from it: a reply to it ({@link #replyForm}) or a saved draft opened again
 * ({@link #draftForm}, {@link #files}). Streamed: the headers parsed, the text read up to a bound, files copied into
 * encrypted temporary files. The text is the first plain-text body in its declared charset, else the text of the
 * first HTML body (a reply to an HTML-only message quotes its words, not its markup).
 */
final class StoredMessage {
    private static final int MAX_TEXT = ComposeForm.MAX_BODY;
    private static final int MAX_QUOTED = 32 * 1024;

    private final InternetHeaders headers;
    private final String text;
    private final List<MultipartUpload.Part> files;

    private StoredMessage(InternetHeaders headers, String text, List<MultipartUpload.Part> files) {
        this.headers = headers;
        this.text = text;
        this.files = files;
    }

    /** Reads the message; files are copied only when {@code withFiles} (a draft), and then owned by the caller. */
    static StoredMessage read(InputStream raw, boolean withFiles) throws IOException, MessagingException {
        try (EncryptedTemporaryFile copy = EncryptedTemporaryFile.create("web-read-")) {
            copy.fill(raw);
            InternetHeaders headers;
            try (InputStream in = copy.open()) {
                headers = new InternetHeaders(in);
            }
            String text = null;
            String html = null;
            List<MultipartUpload.Part> files = new ArrayList<>();
            try (InputStream in = copy.open()) {
                MessageParts parts = new MessageParts(in);
                for (Optional<MimeLeaf> leaf = parts.next(); leaf.isPresent(); leaf = parts.next()) {
                    if (!leaf.get().isAttachment() && text == null && leaf.get().declaredType().equals("text/plain")) {
                        text = leaf.get().text(MAX_TEXT);
                    } else if (!leaf.get().isAttachment() && html == null && leaf.get().declaredType().equals("text/html")) {
                        html = leaf.get().text(MAX_TEXT);
                    } else if (leaf.get().isAttachment() && withFiles) {
                        EncryptedTemporaryFile file = EncryptedTemporaryFile.create("web-draft-");
                        file.fill(leaf.get().body());
                        files.add(new MultipartUpload.Part(MultipartUpload.cleanName(leaf.get().displayName()), file, false));
                    }
                }
            } catch (IOException e) {
                files.forEach(file -> file.content().close());
                throw e;
            }
            if (text == null) {
                text = html == null ? "" : HtmlBodies.asText(html);
            }
            return new StoredMessage(headers, text, files);
        }
    }

    List<MultipartUpload.Part> files() {
        return files;
    }

    ComposeForm draftForm(MessageUid uid) {
        return new ComposeForm(firstAddress("To").orElse(""), subject(), text, header("In-Reply-To"), String.valueOf(uid.asLong()),
            ComposeForm.fromHeader(header(GatewayHeaders.DRAFT_ANSWERING)));
    }

    /**
     * To the message's reply address (Reply-To, else From), "Re:" once, the text quoted; {@code answering} names the
     * message answered (see {@link ComposeForm#answering}).
     */
    ComposeForm replyForm(String answering) {
        String to = firstAddress("Reply-To").or(() -> firstAddress("From")).orElse("");
        String subject = subject();
        String re = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
        String quoted = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) : text;
        StringBuilder body = new StringBuilder("\n\n").append(firstAddress("From").orElse("The office")).append(" wrote:\n");
        quoted.lines().forEach(line -> body.append("> ").append(line).append('\n'));
        return new ComposeForm(to, re, body.toString(), header("Message-ID"), "", answering);
    }

    private String subject() {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header("Subject"))).replaceAll("[\\r\\n]", " ");
        } catch (java.io.UnsupportedEncodingException e) {
            return header("Subject");
        }
    }

    private String header(String name) {
        String value = headers.getHeader(name, null);
        return value == null ? "" : value.strip();
    }

    private Optional<String> firstAddress(String name) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header(name), false);
            return addresses.length == 0 ? Optional.empty() : Optional.of(addresses[0].getAddress());
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
