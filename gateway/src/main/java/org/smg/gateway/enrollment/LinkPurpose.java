package org.smg.gateway.enrollment;

/** What a single-use link is for: every kind shares the table, the token rules and the expiry. */
public enum LinkPurpose {
    /** Registration from an invitation. */
    INVITATION,
    /** A new password, issued by an administrator for a citizen who forgot theirs. */
    PASSWORD_RESET,
    /** A new notification address, confirmed from that address (the link is mailed there). */
    EMAIL_CHANGE
}
