package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Content;

/**
 * A section of a stored message ({@link MimeSection}) as IMAP writes it: its size first, then its bytes. Both
 * read the message again from the body store (from memory when small, else from an encrypted temporary
 * file), so the section is never whole in the heap.
 */
final class StreamedSectionContent implements Content {
    /** Opens a section's stream on the whole message. */
    @FunctionalInterface
    interface Section {
        InputStream open(InputStream message, int[] path) throws IOException;
    }

    private final Content message;
    private final int[] path;
    private final Section section;
    private long size = -1;

    StreamedSectionContent(Content message, int[] path, Section section) {
        this.message = message;
        this.path = path.clone();
        this.section = section;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return section.open(message.getInputStream(), path);
    }

    @Override
    public synchronized long size() throws MailboxException {
        if (size < 0) {
            try (InputStream content = getInputStream()) {
                size = content.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new MailboxException("cannot measure a section of the message", e);
            }
        }
        return size;
    }
}
