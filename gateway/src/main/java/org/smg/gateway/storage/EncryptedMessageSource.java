package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;

import org.apache.james.lifecycle.api.Disposable;
import org.apache.james.server.core.MimeMessageSource;

/**
 * A message in flight (received over SMTP DATA, read back from the queue) that James reads from an
 * {@link EncryptedTemporaryFile}: a large message is never whole in the heap nor in plain text on
 * disk. Disposing the mail that reads it deletes the file.
 */
public final class EncryptedMessageSource implements MimeMessageSource, Disposable {
    private final String sourceId;
    private final EncryptedTemporaryFile content;

    public EncryptedMessageSource(String sourceId, EncryptedTemporaryFile content) {
        this.sourceId = sourceId;
        this.content = content;
    }

    @Override
    public String getSourceId() {
        return sourceId;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return content.open();
    }

    @Override
    public long getMessageSize() {
        return content.size();
    }

    @Override
    public void dispose() {
        content.close();
    }
}
