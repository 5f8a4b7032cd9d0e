package org.smg.gateway.queue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.apache.james.server.core.MimeMessageSource;

/** The raw bytes of a queued message, read back from the encrypted database. */
final class QueuedMessageSource implements MimeMessageSource {
    private final String sourceId;
    private final byte[] content;

    QueuedMessageSource(String sourceId, byte[] content) {
        this.sourceId = sourceId;
        this.content = content;
    }

    @Override
    public String getSourceId() {
        return sourceId;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public long getMessageSize() {
        return content.length;
    }
}
