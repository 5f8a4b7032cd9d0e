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
    private final Instant started;
    private volatile AccountSessions.Registration registration;
    private volatile Instant lastSeen;
    private volatile boolean ended;
    private volatile String actingFor;
    private final ComposeFiles composeFiles = new ComposeFiles();

    WebSession(String id, String csrfToken, String account, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.account = account;
        this.started = now;
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

    /** The citizen whose inbox a representative is looking at; empty for the person's own inbox. */
    public Optional<String> actingFor() {
        return Optional.ofNullable(actingFor);
    }

    /** Switches the inbox shown: a citizen's address, or null for the person's own. */
    public void actFor(String citizen) {
        if (!java.util.Objects.equals(citizen, actingFor)) {
            // Files attached while writing for one inbox never travel with a message of another.
            composeFiles.clear();
        }
        this.actingFor = citizen;
    }

    /** The files uploaded for the message being written, deleted when the session ends. */
    ComposeFiles composeFiles() {
        return composeFiles;
    }

    AccountSessions.Registration registration() {
        return registration;
    }

    void registered(AccountSessions.Registration registration) {
        this.registration = registration;
    }

    /** When the session began: for a signed-in session, the sign-in (each sign-in makes a new session). */
    Instant started() {
        return started;
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
        composeFiles.close();
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
