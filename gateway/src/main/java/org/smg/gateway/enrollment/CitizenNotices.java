package org.smg.gateway.enrollment;

import java.time.Instant;

/**
 * Content-free messages to a citizen's external address: they say that something happened and
 * where to look, never what a message says. They leave through the outbound smart host.
 */
public interface CitizenNotices {
    void invitation(Account account, String programName, String link, Instant expires);

    void passwordChanged(Account account);

    void optedOut(Account account);

    /** A representative was given access to the secure inbox under a consent, from {@code start} until {@code end}. */
    void representativeAccessGranted(Account account, Instant start, Instant end);

    /** A representative's access to the secure inbox ended before its end date (the consent was revoked). */
    void representativeAccessRevoked(Account account, Instant at);

    /** The confirmation link of a notification address change, sent to the NEW address only. */
    void emailChangeConfirmation(Account account, String newEmail, String link, Instant expires);
}
