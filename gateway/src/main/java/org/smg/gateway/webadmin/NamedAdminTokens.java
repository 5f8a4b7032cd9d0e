package org.smg.gateway.webadmin;

import java.util.Optional;

/**
 * The named administrators' tokens as the WebAdmin gate sees them: who presents this token, if it
 * belongs to an administrator who was not revoked. Answered from memory, since the gate asks on
 * every request.
 */
public interface NamedAdminTokens {
    /** The administrator's name for a presented token; empty for an unknown or revoked one. */
    Optional<String> nameOf(String presentedToken);
}
