package org.smg.gateway.auth;

import org.apache.james.user.api.UsersRepositoryException;

/**
 * Which passwords the mail protocols (IMAP, SMTP AUTH) accept besides the account's own: app
 * passwords, and whether the account's own password is refused there because the account has a
 * second factor (a password alone must not open the mailbox then). Asked by
 * {@link ThrottledUsersRepository#test}, where James decides every protocol login.
 */
public interface ProtocolPasswords {
    /** No app passwords and no second factors: the account password is all there is. */
    ProtocolPasswords NONE = new ProtocolPasswords() {
        @Override
        public boolean accountPasswordRefused(String account) {
            return false;
        }

        @Override
        public boolean appPasswordMatches(String account, String password) {
            return false;
        }
    };

    /** True when the account has a second factor, so IMAP and SMTP accept only its app passwords. */
    boolean accountPasswordRefused(String account) throws UsersRepositoryException;

    /** True when {@code password} is one of the account's unrevoked app passwords; its last use is then recorded. */
    boolean appPasswordMatches(String account, String password) throws UsersRepositoryException;
}
