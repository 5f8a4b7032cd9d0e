package org.smg.gateway.secondfactor;

import java.sql.SQLException;

import javax.inject.Inject;

import org.apache.james.user.api.UsersRepositoryException;
import org.smg.gateway.auth.ProtocolPasswords;

/** IMAP and SMTP accept app passwords, and the account password only while the account has no second factor. */
public final class MailProtocolPasswords implements ProtocolPasswords {
    private final SecondFactors secondFactors;
    private final AppPasswords appPasswords;

    @Inject
    public MailProtocolPasswords(SecondFactors secondFactors, AppPasswords appPasswords) {
        this.secondFactors = secondFactors;
        this.appPasswords = appPasswords;
    }

    @Override
    public boolean accountPasswordRefused(String account) throws UsersRepositoryException {
        try {
            return secondFactors.enrolled(account);
        } catch (SQLException e) {
            // Fail closed: when it cannot be told whether a second factor protects the account, its password alone is not enough.
            throw new UsersRepositoryException("second factor of " + account + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean appPasswordMatches(String account, String password) throws UsersRepositoryException {
        try {
            return appPasswords.matches(account, password);
        } catch (SQLException e) {
            throw new UsersRepositoryException("app passwords of " + account + " could not be read: " + e.getMessage(), e);
        }
    }
}
