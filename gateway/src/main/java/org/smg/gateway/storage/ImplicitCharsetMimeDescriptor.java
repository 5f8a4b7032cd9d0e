package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MimeDescriptor;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.stream.RawField;
import org.reactivestreams.Publisher;

import com.google.common.collect.Iterators;

/**
 * A part's MIME description as stock James 3.8.1 gives it: a text part that names no charset is
 * {@code charset "us-ascii"}, the default of RFC 2045 section 5.2.
 *
 * <p>James describes parts with mime4j's {@code DefaultBodyDescriptorBuilder}. mime4j 0.8.9 (James
 * 3.8.1's) filled that default in as {@code "us-ascii"}; 0.8.10 and later, pinned for
 * CVE-2024-21742, fill in {@code StandardCharsets.US_ASCII.name()}, {@code "US-ASCII"}. James creates
 * that builder itself and offers no way to set its default charset, so this restores the value where
 * the charset was implicit. A charset the message names is passed on as written.
 */
final class ImplicitCharsetMimeDescriptor implements MimeDescriptor {
    private static final String CHARSET = "charset";
    private static final String MIME4J_DEFAULT = StandardCharsets.US_ASCII.name();
    private static final String RFC_2045_DEFAULT = "us-ascii";

    private final MimeDescriptor delegate;

    private ImplicitCharsetMimeDescriptor(MimeDescriptor delegate) {
        this.delegate = delegate;
    }

    static MimeDescriptor of(MimeDescriptor descriptor) {
        if (descriptor == null || descriptor instanceof ImplicitCharsetMimeDescriptor) {
            return descriptor;
        }
        return new ImplicitCharsetMimeDescriptor(descriptor);
    }

    @Override
    public Map<String, String> contentTypeParameters() {
        Map<String, String> parameters = delegate.contentTypeParameters();
        if (!MIME4J_DEFAULT.equals(parameters.get(CHARSET)) || namesCharset()) {
            return parameters;
        }
        Map<String, String> restored = new LinkedHashMap<>(parameters);
        restored.put(CHARSET, RFC_2045_DEFAULT);
        return restored;
    }

    /**
     * Whether the part's first Content-Type field (the one mime4j reads, with the parser James uses)
     * has a charset parameter. Headers that cannot be read leave James's description as it is.
     */
    private boolean namesCharset() {
        try {
            return contentType(delegate.headers())
                .map(value -> ContentTypeFieldLenientImpl.PARSER.parse(new RawField("Content-Type", value), DecodeMonitor.SILENT))
                .map(field -> field.getCharset() != null)
                .orElse(false);
        } catch (MailboxException e) {
            return true;
        }
    }

    private static Optional<String> contentType(Iterator<Header> headers) {
        while (headers.hasNext()) {
            Header header = headers.next();
            if ("Content-Type".equalsIgnoreCase(header.getName().trim())) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public Iterator<MimeDescriptor> parts() {
        return Iterators.transform(delegate.parts(), ImplicitCharsetMimeDescriptor::of);
    }

    @Override
    public MimeDescriptor embeddedMessage() {
        return of(delegate.embeddedMessage());
    }

    @Override
    public Iterator<Header> headers() throws MailboxException {
        return delegate.headers();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return delegate.getInputStream();
    }

    @Override
    public long size() throws MailboxException {
        return delegate.size();
    }

    @Override
    public Publisher<ByteBuffer> reactiveBytes() {
        return delegate.reactiveBytes();
    }

    @Override
    public String getMimeType() {
        return delegate.getMimeType();
    }

    @Override
    public String getMimeSubType() {
        return delegate.getMimeSubType();
    }

    @Override
    public String getContentID() {
        return delegate.getContentID();
    }

    @Override
    public String getContentDescription() {
        return delegate.getContentDescription();
    }

    @Override
    public String getContentLocation() {
        return delegate.getContentLocation();
    }

    @Override
    public String getContentMD5() {
        return delegate.getContentMD5();
    }

    @Override
    public String getTransferContentEncoding() {
        return delegate.getTransferContentEncoding();
    }

    @Override
    public List<String> getLanguages() {
        return delegate.getLanguages();
    }

    @Override
    public String getDisposition() {
        return delegate.getDisposition();
    }

    @Override
    public Map<String, String> getDispositionParams() {
        return delegate.getDispositionParams();
    }

    @Override
    public long getLines() {
        return delegate.getLines();
    }

    @Override
    public long getBodyOctets() {
        return delegate.getBodyOctets();
    }
}
