package org.smg.gateway.enrollment;

/**
 * Whether mail to a local address may be delivered, with the refusal a staff MTA turns into a bounce.
 * The texts are what RCPT refusals and DSNs both say.
 */
public enum RecipientStatus {
    DELIVERABLE("2.1.5", ""),
    NO_ACCOUNT("5.1.1", "No secure inbox exists for this address; please use paper correspondence"),
    NOT_REGISTERED("5.2.1", "There is no active secure inbox for this address yet (the invitation has not been used); please use paper correspondence"),
    SUSPENDED("5.2.1", "There is no active secure inbox for this address (suspended); please use paper correspondence"),
    OPTED_OUT("5.2.1", "The recipient opted out of secure messaging; please use paper correspondence");

    private final String enhancedCode;
    private final String text;

    RecipientStatus(String enhancedCode, String text) {
        this.enhancedCode = enhancedCode;
        this.text = text;
    }

    /** RFC 3463 status code, e.g. 5.2.1. */
    public String enhancedCode() {
        return enhancedCode;
    }

    public String text() {
        return text;
    }

    public boolean deliverable() {
        return this == DELIVERABLE;
    }

    static RecipientStatus of(AccountState state) {
        return switch (state) {
            case INVITED -> NOT_REGISTERED;
            case ACTIVE -> DELIVERABLE;
            case SUSPENDED -> SUSPENDED;
            case OPTED_OUT -> OPTED_OUT;
        };
    }
}
