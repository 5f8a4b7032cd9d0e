package org.smg.gateway.enrollment;

/** The EIN or entity name typed at registration does not match the invitation; the link stays usable for the tries left. */
public final class WrongBusinessIdentity extends Exception {
    private final int triesLeft;

    public WrongBusinessIdentity(int triesLeft) {
        super("business identity does not match");
        this.triesLeft = triesLeft;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
