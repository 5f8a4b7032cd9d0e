package org.smg.gateway.enrollment;

import java.sql.SQLException;

import org.smg.mailets.audit.AuditException;

/**
 * Credentials made while signed in with the account password (app passwords for mail clients). They are
 * revoked when the password is changed or reset: whoever knew the old password may have made them.
 */
public interface DerivedCredentials {
    /** Revokes every one of the account's derived credentials; {@code reason} goes to the audit trail. */
    void revokeAll(String account, String reason) throws SQLException, AuditException;

    /** For set-ups without any (tests of enrolment alone). */
    DerivedCredentials NONE = (account, reason) -> { };
}
