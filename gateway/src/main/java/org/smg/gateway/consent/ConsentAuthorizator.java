package org.smg.gateway.consent;

import java.sql.SQLException;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.Authorizator;
import org.apache.james.mailbox.exception.MailboxException;

/**
 * James's decision whether one user may log in as another (SASL PLAIN with an authorization identity, and
 * the {@code <citizen>*<representative>} login name): allowed while the representative holds a consent in
 * force for the citizen and both accounts are active; forbidden otherwise, administrators included (James's
 * own JPA authorizator lets an administrator in as anyone). Asked only after the password was verified.
 */
public final class ConsentAuthorizator implements Authorizator {
    private final Consents consents;

    @Inject
    public ConsentAuthorizator(Consents consents) {
        this.consents = consents;
    }

    @Override
    public AuthorizationState canLoginAsOtherUser(Username representative, Username citizen) throws MailboxException {
        try {
            return consents.validNow(representative.asString(), citizen.asString()).isPresent()
                ? AuthorizationState.ALLOWED
                : AuthorizationState.FORBIDDEN;
        } catch (SQLException e) {
            throw new MailboxException("consents could not be read", e);
        }
    }
}
