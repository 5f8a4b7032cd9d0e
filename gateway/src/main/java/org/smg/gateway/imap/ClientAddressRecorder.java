package org.smg.gateway.imap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.NettyConstants;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Copies the connection's remote address, and the connection itself ({@link ImapConnection}), into
 * its IMAP session, where the processors can read them: James 3.8.1's {@link ImapSession} does not
 * expose its channel. Sits just before James's core handler and leaves the pipeline after the first
 * request (the session exists by then).
 */
final class ClientAddressRecorder extends ChannelInboundHandlerAdapter {
    static final String SESSION_ATTRIBUTE = "org.smg.gateway.imap.clientAddress";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ImapSession session = ctx.channel().attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).get();
        if (session != null && ctx.channel().remoteAddress() instanceof InetSocketAddress) {
            session.setAttribute(SESSION_ATTRIBUTE, ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
            session.setAttribute(ImapConnection.SESSION_ATTRIBUTE, new ImapConnection(ctx.channel()));
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }

    static Optional<InetAddress> of(ImapSession session) {
        return Optional.ofNullable((InetAddress) session.getAttribute(SESSION_ATTRIBUTE));
    }
}
