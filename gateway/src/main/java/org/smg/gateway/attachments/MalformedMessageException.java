package org.smg.gateway.attachments;

import java.io.IOException;

/** The message's MIME structure or a part's transfer encoding could not be read: the message is refused as malformed. */
public final class MalformedMessageException extends IOException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedMessageException(String message) {
        super(message);
    }
}
