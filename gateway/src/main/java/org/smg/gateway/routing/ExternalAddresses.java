package org.smg.gateway.routing;

import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.smg.gateway.enrollment.Enrollment;

/**
 * Citizens' registered external (notification) addresses, outside the gateway: finds the secure address of the
 * citizen who registered one. Staff who write to a citizen's usual address reach the secure inbox instead
 * when routing.yaml's {@code externalAddressToSecureInbox} is true (decided at RCPT on the relay port, headers
 * rewritten by {@link StaffAnswerAddressing}); nothing here sends anything to an external address.
 */
public final class ExternalAddresses {
    private final Enrollment enrollment;

    @Inject
    public ExternalAddresses(Enrollment enrollment) {
        this.enrollment = enrollment;
    }

    /** The secure address of the citizen whose registered external address this is (compared without case). */
    public Optional<MailAddress> secureAddressOf(String external) throws SQLException {
        Optional<String> address = enrollment.findByExternalAddress(external).map(account -> account.address());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(address.get()));
        } catch (AddressException e) {
            throw new IllegalStateException("an account's secure address is always a mail address", e);
        }
    }
}
