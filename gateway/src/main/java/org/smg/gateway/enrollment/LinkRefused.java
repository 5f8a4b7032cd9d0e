package org.smg.gateway.enrollment;

/** Why a registration or reset link cannot be used; the web page says which, in the citizen's words. */
public final class LinkRefused extends Exception {
    public enum Reason {
        UNKNOWN("This link is not valid. Check that you copied all of it, or ask the office that wrote to you for a new one."),
        USED("This link has already been used. Sign in with the password you chose, or ask the office that wrote to you for a new link."),
        EXPIRED("This link has expired. Ask the office that wrote to you for a new one."),
        REVOKED("This link has been withdrawn. Ask the office that wrote to you for a new one."),
        LOCKED("This link is locked because the business details were entered wrongly too many times. Ask the office that wrote to you for a new one.");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    private final Reason reason;

    public LinkRefused(Reason reason) {
        super(reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static LinkRefused forState(InvitationState state) {
        return new LinkRefused(switch (state) {
            case USED -> Reason.USED;
            case EXPIRED -> Reason.EXPIRED;
            case REVOKED -> Reason.REVOKED;
            case LOCKED -> Reason.LOCKED;
            case PENDING -> throw new IllegalArgumentException("a pending link is not refused");
        });
    }
}
