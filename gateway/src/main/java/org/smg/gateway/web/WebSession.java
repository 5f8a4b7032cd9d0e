package org.smg.gateway.web;

import java.time.Instant;
import java.util.Optional;

import org.smg.gateway.enrollment.AccountSessions;

/**
 * One browser's session: its id (the cookie), its CSRF token, and once signed in the account and
 * its registration in {@link AccountSessions}. A session before sign-in (a "pre-session") exists
 * only to carry the CSRF token of the registration and sign-in forms.
 */
public final class WebSession {
    private final String id;
    private final String csrfToken;
    private final String account;
    private volatile AccountSessions.Registration registration;
    private volatile Instant lastSeen;
    private volatile boolean ended;
    /** The citizen whose inbox a representative is looking at; null for their own. */
    private volatile String actingFor;

    WebSession(String id, String csrfToken, String account, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.account = account;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The signed-in account, lower case; empty before sign-in. */
    Optional<String> account() {
        return Optional.ofNullable(account);
    }

    boolean signedIn() {
        return account != null;
    }

    AccountSessions.Registration registration() {
        return registration;
    }

    void registered(AccountSessions.Registration registration) {
        this.registration = registration;
    }

    /** The citizen whose inbox this signed-in representative switched to; empty while they see their own. */
    public Optional<String> actingFor() {
        return Optional.ofNullable(actingFor);
    }

    /** Switches the inbox shown to the citizen's (the consent is checked by the mailbox layer at every use), or back with null. */
    public void actFor(String citizen) {
        this.actingFor = citizen;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    boolean ended() {
        return ended;
    }

    /** Marks the session ended and forgets its registration; the store no longer finds it. */
    void end() {
        ended = true;
        AccountSessions.Registration open = registration;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public String toString() {
        // The id is a bearer credential: never in logs.
        return "WebSession[" + (account == null ? "anonymous" : account) + "]";
    }
}
