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

    /** The confirmation link of a notification address change, sent to the NEW address only. */
    void emailChangeConfirmation(Account account, String newEmail, String link, Instant expires);
}
