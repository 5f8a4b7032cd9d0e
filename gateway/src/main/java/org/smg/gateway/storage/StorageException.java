package org.smg.gateway.storage;

/** The encrypted storage cannot be opened or used; the message says why, never the secret. */
public final class StorageException extends Exception {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
