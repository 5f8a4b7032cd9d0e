package org.smg.gateway.tls;

/** The TLS certificate or key cannot be loaded or generated; the message names the file and the reason. */
public final class TlsIdentityException extends Exception {
    TlsIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
