package org.smg.gateway.smtp;

import org.apache.james.protocols.api.Protocol;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.smtpserver.netty.SMTPChannelInboundHandler;
import org.apache.james.smtpserver.netty.SmtpMetrics;

import io.netty.channel.ChannelHandlerContext;

/**
 * James's SMTP handler, whose sessions switch to TLS on the I/O thread ({@link StartTlsOnIoThread})
 * and know their connection ({@link SmtpConnection}), so that they can be ended.
 */
final class GuardedSmtpHandler extends SMTPChannelInboundHandler {
    GuardedSmtpHandler(Protocol protocol, Encryption encryption, boolean proxyRequired, SmtpMetrics metrics) {
        super(protocol, encryption, proxyRequired, metrics);
    }

    @Override
    protected ProtocolSession createSession(ChannelHandlerContext ctx) {
        ProtocolSession session = protocol.newSession(new StartTlsOnIoThread(ctx.channel(), secure, proxyRequired));
        session.setAttachment(SmtpConnection.KEY, new SmtpConnection(ctx.channel()), ProtocolSession.State.Connection);
        return session;
    }
}
