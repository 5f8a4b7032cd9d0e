package org.smg.gateway.enrollment;

/** What a single-use link is for: both kinds share the table, the token rules and the expiry. */
public enum LinkPurpose {
    /** Registration from an invitation. */
    INVITATION,
    /** A new password, issued by an administrator for a citizen who forgot theirs. */
    PASSWORD_RESET
}
