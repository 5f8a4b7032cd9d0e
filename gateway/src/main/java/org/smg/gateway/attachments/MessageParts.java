package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Walks a raw message's MIME tree with mime4j's streaming parser, leaf by leaf, into forwarded messages
 * (message/rfc822) too. Nothing is held whole: each leaf's body is decoded from base64 or quoted-printable while it
 * is read, and what is not read is skipped. The parser is strict (a missing boundary, a header line without a
 * colon, bad base64 are errors) and bounded (header sizes, nesting depth); every such error is a
 * {@link MalformedMessageException}, so a message the gateway cannot read is refused, never passed on unread.
 *
 * <pre>{@code
 * MessageParts parts = new MessageParts(raw);
 * for (Optional<MimeLeaf> leaf = parts.next(); leaf.isPresent(); leaf = parts.next()) { ... }
 * }</pre>
 */
public final class MessageParts {
    /** The transfer encodings whose bodies mime4j decodes, or that need no decoding. */
    private static final java.util.Set<String> DECODED_ENCODINGS = java.util.Set.of("7bit", "8bit", "binary", "base64", "quoted-printable");
    /** Deeper nesting than real mail ever has; a bound on the parser's state for crafted messages. */
    static final int MAX_DEPTH = 30;
    private static final MimeConfig CONFIG = new MimeConfig.Builder()
        .setStrictParsing(true)
        .setMaxLineLen(10_000)
        .setMaxHeaderCount(1_000)
        .setMaxHeaderLen(100_000)
        .setMaxContentLen(-1)
        .build();

    /** The types RFC 8551 gives a detached S/MIME signature (the x- one is what older clients send). */
    static final java.util.Set<String> PKCS7_SIGNATURE_TYPES = java.util.Set.of("application/pkcs7-signature", "application/x-pkcs7-signature");

    private final MimeTokenStream tokens = new MimeTokenStream(CONFIG);
    /** The open multiparts and messages, innermost first: where a leaf sits in its parent. */
    private final java.util.Deque<Container> containers = new java.util.ArrayDeque<>();
    private int depth;
    private int leaves;
    private Field contentType;
    private Field contentDisposition;

    public MessageParts(InputStream rawMessage) {
        tokens.parse(new SourceStream(rawMessage));
    }

    /**
     * The next leaf, or empty at the end of the message. Moving on skips what was not read of the previous body.
     *
     * @throws MalformedMessageException when the MIME structure cannot be read
     * @throws IOException when reading the raw message fails
     */
    public Optional<MimeLeaf> next() throws IOException {
        try {
            for (EntityState state = tokens.next(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_HEADER -> {
                        contentType = null;
                        contentDisposition = null;
                    }
                    case T_FIELD -> remember(tokens.getField());
                    case T_START_MULTIPART -> enter(signsWithPkcs7());
                    case T_START_MESSAGE -> enter(false);
                    case T_START_BODYPART -> containers.getFirst().children++;
                    case T_END_MULTIPART, T_END_MESSAGE -> {
                        depth--;
                        containers.pollFirst(); // the top message's start is not an event, its end is
                    }
                    case T_BODY -> {
                        return Optional.of(leaf());
                    }
                    default -> {
                    }
                }
            }
            return Optional.empty();
        } catch (MimeException e) {
            throw new MalformedMessageException("the MIME structure cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw DecodedBodyStream.classified(e);
        }
    }

    /** A second Content-Type or Content-Disposition is refused: clients differ on which one they believe. */
    private void remember(Field field) throws MalformedMessageException {
        String name = field.getName().toLowerCase(Locale.ROOT);
        if (name.equals("content-type")) {
            if (contentType != null) {
                throw new MalformedMessageException("a part has two Content-Type headers");
            }
            contentType = field;
        } else if (name.equals("content-disposition")) {
            if (contentDisposition != null) {
                throw new MalformedMessageException("a part has two Content-Disposition headers");
            }
            contentDisposition = field;
        }
    }

    private void enter(boolean signedWithPkcs7) throws MalformedMessageException {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new MalformedMessageException("parts nested more than " + MAX_DEPTH + " levels deep");
        }
        containers.addFirst(new Container(signedWithPkcs7));
    }

    /** At the start of a multipart: it is a multipart/signed whose protocol is an S/MIME (PKCS #7) signature. */
    private boolean signsWithPkcs7() {
        return tokens.getBodyDescriptor().getMimeType().equalsIgnoreCase("multipart/signed")
            && MimeParameters.value(parameters(contentType), "protocol")
                .map(protocol -> PKCS7_SIGNATURE_TYPES.contains(protocol.strip().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /**
     * Where RFC 8551 (3.5.3) puts a detached signature: the second part of a multipart/signed whose protocol is
     * PKCS #7, declared with that type. Only a place: whether the bytes are a signature is the inspector's question.
     */
    private boolean inSignatureSlot(String declaredType) {
        Container parent = containers.peekFirst();
        return parent != null && parent.signedWithPkcs7 && parent.children == 2 && PKCS7_SIGNATURE_TYPES.contains(declaredType);
    }

    private MimeLeaf leaf() throws MalformedMessageException {
        leaves++;
        List<NameValuePair> typeParameters = parameters(contentType);
        List<NameValuePair> dispositionParameters = parameters(contentDisposition);
        Optional<String> fileName = MimeParameters.value(dispositionParameters, "filename")
            .or(() -> MimeParameters.value(typeParameters, "name"))
            .map(String::strip)
            .filter(name -> !name.isEmpty());
        checkOneName(typeParameters, dispositionParameters);
        String encoding = tokens.getBodyDescriptor().getTransferEncoding().toLowerCase(Locale.ROOT);
        if (!DECODED_ENCODINGS.contains(encoding)) {
            // Undecoded bytes would be typed and scanned, not the file a client decodes (x-uuencode, ...).
            throw new MalformedMessageException("a part has the unknown Content-Transfer-Encoding " + encoding);
        }
        String declaredType = tokens.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
        boolean markedAttachment = contentDisposition != null
            && RawFieldParser.DEFAULT.parseRawBody(raw(contentDisposition)).getValue().equalsIgnoreCase("attachment");
        boolean inlineText = declaredType.equals("text/plain") || declaredType.equals("text/html");
        boolean attachment = fileName.isPresent() || markedAttachment || !inlineText;
        return new MimeLeaf(leaves, fileName, declaredType, attachment, inSignatureSlot(declaredType),
            new DecodedBodyStream(tokens.getDecodedInputStream()), tokens.getBodyDescriptor().getCharset());
    }

    /** filename, filename*, name and name* must all say the same (ignoring case): clients show different ones. */
    private static void checkOneName(List<NameValuePair> typeParameters, List<NameValuePair> dispositionParameters)
            throws MalformedMessageException {
        List<String> names = new java.util.ArrayList<>(MimeParameters.allValues(dispositionParameters, "filename"));
        names.addAll(MimeParameters.allValues(typeParameters, "name"));
        long distinct = names.stream().map(String::strip).filter(name -> !name.isEmpty())
            .map(name -> name.toLowerCase(Locale.ROOT)).distinct().count();
        if (distinct > 1) {
            throw new MalformedMessageException("a part gives its file two different names");
        }
    }

    private static List<NameValuePair> parameters(Field field) {
        return field == null ? List.of() : RawFieldParser.DEFAULT.parseRawBody(raw(field)).getParams();
    }

    private static RawField raw(Field field) {
        return field instanceof RawField rawField ? rawField : new RawField(field.getName(), field.getBody());
    }

    /** A multipart or message being walked: whether it is S/MIME signed, and how many parts of it have started. */
    private static final class Container {
        private final boolean signedWithPkcs7;
        private int children;

        Container(boolean signedWithPkcs7) {
            this.signedWithPkcs7 = signedWithPkcs7;
        }
    }
}
