package org.smg.mailets.audit;

/**
 * What an audit entry records: a closed set, so a trail can be searched by action and an unknown
 * word in the database is evidence of tampering rather than a new kind of event. The names are
 * stored and hashed as they are spelled here; renaming a constant breaks the verification of
 * existing trails, so constants are only ever added.
 */
public enum AuditAction {
    MAIL_ACCEPTED,
    MAIL_DELIVERED,
    MAIL_BOUNCED,
    MAIL_HELD,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    INVITATION_CREATED,
    INVITATION_REVOKED,
    INVITATION_USED,
    INVITATION_REFUSED,
    ACCOUNT_REGISTERED,
    TERMS_ACCEPTED,
    ACCOUNT_SUSPENDED,
    ACCOUNT_REACTIVATED,
    ACCOUNT_OPTED_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET_ISSUED,
    ADMIN_TOKEN_CREATED,
    ADMIN_TOKEN_REVOKED,
    ADMIN_ACTION,
    /** A refused mail kept in the quarantine (a mail event: the pipeline may record it too). */
    MAIL_QUARANTINED,
    QUARANTINE_VIEWED,
    QUARANTINE_RELEASED,
    QUARANTINE_DELETED,
    MAIL_SCANNED,
    /** A citizen asked to change the external notification address ("requested") or confirmed it from the new address ("confirmed"). */
    NOTIFICATION_ADDRESS_CHANGED,
    /** An administrator recorded a representative's consent (object {@code consent:<id>}). */
    CONSENT_RECORDED,
    /** An administrator revoked a consent (object {@code consent:<id>}). */
    CONSENT_REVOKED,
    /** A representative logged in to a citizen's mailbox under a consent (actor the representative, object the citizen). */
    CONSENT_USED,
    /** An administrator listed an account's records or read one (exported: several; restored: into the INBOX). */
    RECORD_VIEWED,
    RECORD_EXPORTED,
    RECORD_RESTORED,
    /** A record past its program's retention, with no legal hold, was deleted by the disposal schedule. */
    RECORD_DISPOSED,
    /** A legal hold on an account or a program was placed ("placed") or released ("released"). */
    RECORD_HOLD_CHANGED,
    /** A citizen enrolled a TOTP second factor (recovery codes issued). */
    SECOND_FACTOR_ENROLLED,
    /** A second-factor code or recovery code was accepted ("totp", "recovery-code") or refused ("wrong", "replayed", "throttled"). */
    SECOND_FACTOR_CHECKED,
    /** The citizen removed their second factor ("disabled"), or an administrator reset a lost one ("reset"). */
    SECOND_FACTOR_REMOVED,
    /** An app password for mail clients was created ("created") or revoked ("revoked"); object {@code app-password:<id>}. */
    APP_PASSWORD_CHANGED;

    /** True for the actions a mail pipeline records (the ones the {@code AuditLog} mailet may be configured with). */
    public boolean isMailEvent() {
        return name().startsWith("MAIL_");
    }
}
