package org.smg.gateway;

/** The gateway could not start; the message is one line an operator can act on. */
final class StartupException extends Exception {
    private final boolean configurationError;

    StartupException(String message, Throwable cause, boolean configurationError) {
        super(message, cause);
        this.configurationError = configurationError;
    }

    boolean isConfigurationError() {
        return configurationError;
    }
}
