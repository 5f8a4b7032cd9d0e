package org.smg.gateway.smtp;

import java.util.Collection;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Relay port: the AUTH command is refused with {@code 502 5.5.1} unless relay.auth is true, and then
 * before TLS with {@code 530 5.7.0}. Placed before James's {@code AuthCmdHandler} in the chain (see
 * {@link AuthAfterStartTls}), so no credential is decoded, let alone checked, when refused.
 */
public final class RelayAuthGate implements CommandHandler<SMTPSession> {
    private static final Response NOT_OFFERED = new SMTPResponse("502",
        "5.5.1 AUTH is not available on the staff relay port: staff mail servers are admitted by address").immutable();

    private final boolean authEnabled;

    @Inject
    public RelayAuthGate(RelayPolicy policy) {
        this.authEnabled = policy.auth();
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (!authEnabled) {
            return NOT_OFFERED;
        }
        return session.isTLSStarted() ? null : StartTlsFirst.RESPONSE;
    }

    @Override
    public Collection<String> getImplCommands() {
        return Set.of("AUTH");
    }
}
