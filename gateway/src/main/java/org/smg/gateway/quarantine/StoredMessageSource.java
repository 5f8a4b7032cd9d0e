package org.smg.gateway.quarantine;

import java.io.IOException;
import java.io.InputStream;

import org.apache.james.server.core.MimeMessageSource;

/**
 * A quarantined message read from the database each time it is asked for, so that the
 * {@code MimeMessageWrapper} built on it for a re-check or a release streams the stored bytes
 * instead of holding them.
 */
final class StoredMessageSource implements MimeMessageSource {
    private final QuarantineStore store;
    private final String id;
    private final long size;

    StoredMessageSource(QuarantineStore store, String id, long size) {
        this.store = store;
        this.id = id;
        this.size = size;
    }

    @Override
    public String getSourceId() {
        return "quarantine:" + id;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return store.content(id).orElseThrow(() -> new IOException("quarantined mail " + id + " no longer holds a message"));
        } catch (QuarantineException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public long getMessageSize() {
        return size;
    }
}
