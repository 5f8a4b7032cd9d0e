package org.smg.gateway.cli;

/** A command line {@code bin/smg} cannot run: exit code 2, with what was wrong and the command's usage. */
final class UsageException extends Exception {
    private final String usage;

    UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    String usage() {
        return usage;
    }
}
