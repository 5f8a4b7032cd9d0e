package org.smg.gateway.web;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.auth.ThrottledUsersRepository;

/**
 * The account password asked for again before a change that hands out a way into the account (a
 * second factor, an app password): a session left open on a shared computer is not enough to make
 * one. Checked as the password change checks the current password: the account password itself
 * (never an app password), with the per-account throttle of every login.
 */
final class PasswordConfirmation {
    private static final Logger LOGGER = LoggerFactory.getLogger(PasswordConfirmation.class);
    static final String FIELD = "current";
    static final String WRONG = "Your password is not correct. Enter the password you sign in with to confirm this change.";
    private static final int MAX_PASSWORD = 1024;

    private final UsersRepository users;

    PasswordConfirmation(UsersRepository users) {
        this.users = users;
    }

    boolean confirmed(String account, FormBody form) throws UsersRepositoryException {
        String password = form.field(FIELD);
        boolean confirmed = !password.isEmpty() && password.length() <= MAX_PASSWORD
            && ThrottledUsersRepository.accountPassword(users, Username.of(account), password);
        if (!confirmed) {
            LOGGER.info("password confirmation of {} refused", account);
        }
        return confirmed;
    }
}
