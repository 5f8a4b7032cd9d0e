package org.smg.gateway.imap;

/** The literal limits {@link LiteralGate} enforces, taken from the gateway settings. */
public final class ImapGuardLimits {
    private final long preAuthLiteralSize;
    private final long literalSize;
    private final int literalsPerCommand;

    public ImapGuardLimits(long preAuthLiteralSize, long literalSize, int literalsPerCommand) {
        this.preAuthLiteralSize = preAuthLiteralSize;
        this.literalSize = literalSize;
        this.literalsPerCommand = literalsPerCommand;
    }

    long preAuthLiteralSize() {
        return preAuthLiteralSize;
    }

    long literalSize() {
        return literalSize;
    }

    int literalsPerCommand() {
        return literalsPerCommand;
    }
}
