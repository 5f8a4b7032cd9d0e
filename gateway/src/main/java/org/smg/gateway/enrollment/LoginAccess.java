package org.smg.gateway.enrollment;

/**
 * What a login with correct credentials may do, decided by the account; every protocol asks this
 * after the password was verified, so that nothing about an account leaks to someone without it.
 */
public enum LoginAccess {
    /** Active, current terms accepted. */
    ALLOWED,
    /** Active, but the current terms are not accepted yet: only the web sign-in may continue, to accept them. */
    TERMS_REQUIRED,
    SUSPENDED,
    OPTED_OUT,
    /** Credentials without an account (or an account never registered): no access. */
    NO_ACCOUNT;

    /** The explanation protocols give after their refusal code, naming where to go when there is something to do. */
    public String explanation(WebLinks links) {
        return switch (this) {
            case ALLOWED -> "";
            case TERMS_REQUIRED -> "Accept the current Terms of Service at " + links.terms() + " before using this mailbox";
            case SUSPENDED -> "This secure inbox is suspended; contact the office that invited you";
            case OPTED_OUT -> "This secure inbox was closed at your request (opted out); you receive paper correspondence";
            case NO_ACCOUNT -> "No active secure inbox for this account";
        };
    }
}
