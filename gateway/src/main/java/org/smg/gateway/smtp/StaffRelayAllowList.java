package org.smg.gateway.smtp;

import java.net.InetAddress;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.settings.Cidr;

/**
 * Relay port only: accepts connections from the allow-listed staff MTAs (relay.allowList, injected)
 * and refuses every other client at connect time with {@code 554 5.7.1}, before it can say anything.
 */
public final class StaffRelayAllowList implements ConnectHandler<SMTPSession> {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffRelayAllowList.class);

    private final List<Cidr> allowed;

    @Inject
    public StaffRelayAllowList(RelayPolicy policy) {
        this.allowed = policy.allowList();
        if (allowed.isEmpty()) {
            // The settings loader refuses an empty list; an empty list here would silently close the port.
            throw new IllegalArgumentException("StaffRelayAllowList needs at least one address range");
        }
    }

    @Override
    public Response onConnect(SMTPSession session) {
        InetAddress client = session.getRemoteAddress().getAddress();
        if (allowed.stream().anyMatch(range -> range.contains(client))) {
            return null;
        }
        LOGGER.warn("Refused relay connection from {}: not an allow-listed staff MTA", client.getHostAddress());
        SMTPResponse refusal = new SMTPResponse("554", "5.7.1 This port accepts mail only from the agency's staff mail servers");
        refusal.setEndSession(true);
        return refusal;
    }
}
