package org.smg.gateway.smtp;

import java.net.InetAddress;
import java.util.List;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.settings.Cidr;

import com.google.common.collect.ImmutableList;

/**
 * Relay port only: accepts connections from the allow-listed staff MTAs and refuses every other
 * client at connect time with {@code 554 5.7.1}, before it can say anything.
 *
 * <pre>{@code <handler class="org.smg.gateway.smtp.StaffRelayAllowList"><allow>127.0.0.1/32,::1/128</allow></handler>}</pre>
 */
public final class StaffRelayAllowList implements ConnectHandler<SMTPSession> {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffRelayAllowList.class);

    private List<Cidr> allowed = List.of();

    @Override
    public void init(Configuration config) throws ConfigurationException {
        String allow = config.getString("allow", "");
        ImmutableList.Builder<Cidr> ranges = ImmutableList.builder();
        for (String range : allow.split(",")) {
            if (!range.isBlank()) {
                try {
                    ranges.add(Cidr.parse(range.strip()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("StaffRelayAllowList: " + e.getMessage());
                }
            }
        }
        allowed = ranges.build();
        if (allowed.isEmpty()) {
            throw new ConfigurationException("StaffRelayAllowList: 'allow' needs at least one address range");
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
