package org.smg.gateway.smtp;

import java.util.Collection;
import java.util.Set;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Submission ports: refuses the AUTH command itself before TLS, with {@code 530 5.7.0}, so no password
 * ever crosses the network in clear. James's {@code AuthCmdHandler} accepts AUTH whatever the EHLO reply
 * announced ({@code <requireSSL>} only hides it), so this handler is placed before it in the chain: James's
 * {@code CommandDispatcher} calls every handler of a command in chain order and stops at the first reply.
 * Returning null lets James's handler authenticate.
 */
public final class AuthAfterStartTls implements CommandHandler<SMTPSession> {
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        return session.isTLSStarted() ? null : StartTlsFirst.RESPONSE;
    }

    @Override
    public Collection<String> getImplCommands() {
        return Set.of("AUTH");
    }
}
