package org.smg.gateway.delivery;

/** An outbound.* file could not be used at start-up; the message names the key, the file and what was expected. */
public final class OutboundConfigurationException extends Exception {
    OutboundConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
