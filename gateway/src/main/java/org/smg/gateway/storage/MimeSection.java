package org.smg.gateway.storage;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * One IMAP section of a message (RFC 3501 6.4.5: {@code BODY[2]}, {@code BODY[2.1]}, {@code BODY[3.TEXT]}),
 * found by reading the message forward once and handed out as a stream over the raw bytes of that section.
 * James 3.8.1 copies the section into a {@code byte[]} first (its {@code PartContentBuilder}), which for a
 * client downloading one 200 MB attachment means the whole attachment in the heap.
 *
 * <p>Part numbers count the body parts of a multipart; a message that is not multipart has its body as part 1;
 * the numbers after a {@code message/rfc822} part count inside the message it carries. A section that does
 * not exist is empty, as in James.
 */
final class MimeSection {
    private static final int CHUNK = 64 * 1024;

    private final MimeTokenStream tokens = new MimeTokenStream(MimeConfig.PERMISSIVE);
    private final InputStream message;

    private MimeSection(InputStream message) {
        this.message = message;
        tokens.setRecursionMode(RecursionMode.M_RECURSE);
        tokens.parse(message);
    }

    /** The content of part {@code path} ({@code BODY[2]}): its body without its MIME header; closing it closes {@code message}. */
    static InputStream partContent(InputStream message, int[] path) throws IOException {
        MimeSection section = new MimeSection(message);
        return section.open(section.locate(path) && section.toBody());
    }

    /** The body of the message that part {@code path} carries ({@code BODY[2.TEXT]}); closing it closes {@code message}. */
    static InputStream messageText(InputStream message, int[] path) throws IOException {
        MimeSection section = new MimeSection(message);
        return section.open(section.locate(path) && section.toCarriedMessage() && section.toBody());
    }

    private InputStream open(boolean found) throws IOException {
        if (!found) {
            message.close();
            return InputStream.nullInputStream();
        }
        InputStream section = new FilterInputStream(tokens.getInputStream()) {
            /** As much as asked for: mime4j hands out a body about a line at a time. */
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = in.readNBytes(buffer, offset, length);
                return read == 0 && length > 0 ? -1 : read;
            }

            @Override
            public void close() throws IOException {
                message.close();
            }
        };
        // IMAP writes a literal in chunks of what available() reports (Netty's ChunkedStream): mime4j's small
        // counts, or none, would send the section a few bytes per TLS record. A full buffer reports its size.
        return new BufferedInputStream(section, CHUNK);
    }

    private boolean locate(int[] path) throws IOException {
        for (int level = 0; level < path.length; level++) {
            if (level > 0 && !toChildren()) {
                return false;
            }
            if (!toPart(path[level])) {
                return false;
            }
        }
        return true;
    }

    /** From the start of a part to the start of what it contains: a multipart, or the message of a message/rfc822 part. */
    private boolean toChildren() throws IOException {
        while (true) {
            switch (next()) {
                case T_START_MULTIPART:
                case T_START_MESSAGE:
                    return true;
                case T_BODY:
                case T_END_BODYPART:
                case T_END_OF_STREAM:
                    return false;
                default:
                    break;
            }
        }
    }

    /** Moves to the start of the {@code position}th part of the entity just entered. */
    private boolean toPart(int position) throws IOException {
        int count = 0;
        while (count < position) {
            switch (next()) {
                case T_START_BODYPART:
                    count++;
                    break;
                case T_BODY:
                    // The body of a message that is not multipart is its part 1.
                    if (position == 1) {
                        count++;
                    }
                    break;
                case T_START_MULTIPART:
                    // Only a multipart inside an earlier part: the entity just entered is counted by its own parts.
                    if (count > 0 && !skip(EntityState.T_START_MULTIPART, EntityState.T_END_MULTIPART)) {
                        return false;
                    }
                    break;
                case T_START_MESSAGE:
                    if (count > 0 && !skip(EntityState.T_START_MESSAGE, EntityState.T_END_MESSAGE)) {
                        return false;
                    }
                    break;
                case T_END_MULTIPART:
                case T_END_MESSAGE:
                case T_END_OF_STREAM:
                    return false;
                default:
                    break;
            }
        }
        return true;
    }

    /** From the start of a message/rfc822 part to the start of the message it carries. */
    private boolean toCarriedMessage() throws IOException {
        for (EntityState state = tokens.getState(); state != EntityState.T_START_MESSAGE; state = next()) {
            if (state == EntityState.T_BODY || state == EntityState.T_START_MULTIPART || state == EntityState.T_END_OF_STREAM) {
                return false;
            }
        }
        return true;
    }

    /** Past the header of the current entity, to its body read as one piece (a multipart's parts together, unparsed). */
    private boolean toBody() throws IOException {
        tokens.setRecursionMode(RecursionMode.M_FLAT);
        for (EntityState state = tokens.getState(); state != EntityState.T_BODY && state != EntityState.T_START_MULTIPART; state = next()) {
            if (state == EntityState.T_END_OF_STREAM) {
                return false;
            }
        }
        return true;
    }

    /** Skips a nested entity whose start was just read, including entities of its kind inside it. */
    private boolean skip(EntityState start, EntityState end) throws IOException {
        int depth = 1;
        while (depth > 0) {
            EntityState state = next();
            if (state == start) {
                depth++;
            } else if (state == end) {
                depth--;
            } else if (state == EntityState.T_END_OF_STREAM) {
                return false;
            }
        }
        return true;
    }

    private EntityState next() throws IOException {
        try {
            return tokens.next();
        } catch (MimeException e) {
            throw new IOException("cannot parse the message to find a section", e);
        }
    }
}
