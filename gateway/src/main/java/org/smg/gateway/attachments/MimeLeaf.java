package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * One leaf of a message's MIME tree (a body or an attached file, at any depth, inside forwarded messages too), as
 * {@link MessageParts} reaches it. Its body can be read only until the walk moves on.
 */
public final class MimeLeaf {
    private final int number;
    private final Optional<String> fileName;
    private final String declaredType;
    private final boolean attachment;
    private final boolean signatureSlot;
    private final InputStream body;
    private final String charset;

    MimeLeaf(int number, Optional<String> fileName, String declaredType, boolean attachment, boolean signatureSlot, InputStream body,
             String charset) {
        this.number = number;
        this.fileName = fileName;
        this.declaredType = declaredType;
        this.attachment = attachment;
        this.signatureSlot = signatureSlot;
        this.body = body;
        this.charset = charset;
    }

    /** 1 for the first leaf of the message, in the order they appear. */
    public int number() {
        return number;
    }

    /** The name the sender gave (Content-Disposition filename, else Content-Type name), decoded. */
    public Optional<String> fileName() {
        return fileName;
    }

    /** The media type the sender declared (lower case, no parameters); never trusted for the policy. */
    public String declaredType() {
        return declaredType;
    }

    /** An attached file rather than the text of the message: it has a name, is marked attachment, or is not inline text. */
    public boolean isAttachment() {
        return attachment;
    }

    /**
     * The part is where an S/MIME detached signature goes: second part of a multipart/signed with a PKCS #7 protocol,
     * declared as a PKCS #7 signature. Says nothing about its bytes.
     */
    public boolean isSignatureSlot() {
        return signatureSlot;
    }

    /** The charset the part declares (mime4j's default us-ascii when none), for showing a text body; not checked. */
    public String charset() {
        return charset;
    }

    /**
     * The body as text, at most {@code maxChars} characters, for a text body shown or quoted: in its declared charset,
     * or UTF-8 when it declares none or US-ASCII (mime4j's default; 8-bit text without a declaration is most often
     * UTF-8, of which ASCII is a part) or one Java does not know.
     */
    public String text(int maxChars) throws IOException {
        String text = new String(body.readNBytes(maxChars * 4), textCharset());
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    private Charset textCharset() {
        try {
            return charset == null || charset.equalsIgnoreCase("us-ascii") ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The decoded bytes; a decoding failure is a {@link MalformedMessageException}. */
    public InputStream body() {
        return body;
    }

    /** The file name, or "part 3" for an unnamed part (no dot in it: nothing for the name check to compare). */
    public String displayName() {
        return fileName.orElse("part " + number);
    }
}
