package org.smg.gateway.quota;

import java.sql.SQLException;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.policies.model.PolicyHolder;

/**
 * The storage quota of an account: attachments.yaml's {@code mailboxQuota} of the programs it is enrolled in
 * (the largest), read from the policy snapshot in force at each call, so a policy reload applies at once. An
 * address without an account (an administrator-made mailbox) gets the default.
 */
public final class AccountQuotas {
    private final AccountStore accounts;
    private final PolicyHolder policies;

    @Inject
    public AccountQuotas(AccountStore accounts, PolicyHolder policies) {
        this.accounts = accounts;
        this.policies = policies;
    }

    /** The quota in bytes of all the account's mailboxes. */
    public long of(Username username) throws SQLException {
        List<String> programs = accounts.find(username.asString()).map(Account::programs).orElse(List.of());
        return policies.current().attachments().mailboxQuota(programs);
    }

    /** The quota of an account without programs. */
    public long byDefault() {
        return policies.current().attachments().mailboxQuota(List.of());
    }
}
