package org.smg.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageWrapper;

/**
 * A message received by the gateway, seen as its header (a copy, which may be changed, e.g. by a DKIM
 * signature) followed by its body streamed from where James keeps it. Writing it never parses the body.
 *
 * <p>Why: once a mailet changed a header of James's {@link MimeMessageWrapper}, {@code writeTo} calls
 * {@code saveChanges()}, and JavaMail then reads the whole body into a {@code byte[]} to parse its
 * parts; the SMTP client (JavaMail's {@code SMTPTransport}) and DKIM's body hash both write the message
 * with {@code writeTo}. James's {@link MimeMessageWrapper#getMessageInputStream()} gives changed headers
 * with the body from the source, without parsing; this class writes from that stream.
 */
public final class HeaderChangedMessage extends MimeMessage {
    private static final byte[] CRLF = {'\r', '\n'};

    private final MimeMessageWrapper original;

    private HeaderChangedMessage(MimeMessageWrapper original) throws MessagingException {
        super((Session) null);
        this.original = original;
        this.headers = new InternetHeaders();
        for (Enumeration<String> lines = original.getAllHeaderLines(); lines.hasMoreElements(); ) {
            headers.addHeaderLine(lines.nextElement());
        }
    }

    /** A streaming view of {@code message} when James reads it from a source; {@code message} itself otherwise (built in memory, small). */
    public static MimeMessage of(MimeMessage message) throws MessagingException {
        if (message instanceof MimeMessageWrapper && !((MimeMessageWrapper) message).isBodyModified()) {
            return new HeaderChangedMessage((MimeMessageWrapper) message);
        }
        return message;
    }

    /** Gives {@code target} this view's header, in its order (e.g. with a signature added at the top). */
    public void copyHeaderTo(MimeMessage target) throws MessagingException {
        for (Header present : Collections.list(target.getAllHeaders())) {
            target.removeHeader(present.getName());
        }
        for (Enumeration<String> lines = getAllHeaderLines(); lines.hasMoreElements(); ) {
            target.addHeaderLine(lines.nextElement());
        }
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        // Header lines hold the bytes as read, one char per byte, as JavaMail reads and writes them.
        for (Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList); lines.hasMoreElements(); ) {
            out.write(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            out.write(CRLF);
        }
        out.write(CRLF);
        try (InputStream body = body()) {
            body.transferTo(out);
        }
        out.flush();
    }

    /** Nothing to save: the header is written as it is and the body as received; parsing it is what this class avoids. */
    @Override
    public void saveChanges() {
    }

    @Override
    public int getSize() {
        return -1;
    }

    private InputStream body() throws MessagingException {
        InputStream message = original.getMessageInputStream();
        // Past the original's header: this view writes its own.
        new InternetHeaders(message);
        return message;
    }
}
