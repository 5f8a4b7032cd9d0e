package org.smg.gateway.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The network connection of an SMTP session, which James's session does not expose: attached to
 * the session by {@link GuardedSmtpHandler}, so that a suspension, an opt-out or a password change
 * can end an authenticated session.
 */
final class SmtpConnection {
    static final AttachmentKey<SmtpConnection> KEY = AttachmentKey.of("org.smg.gateway.smtp.connection", SmtpConnection.class);
    private static final byte[] CLOSING = "421 4.7.0 Session ended by the gateway: the account changed\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Channel channel;

    SmtpConnection(Channel channel) {
        this.channel = channel;
    }

    static Optional<SmtpConnection> of(ProtocolSession session) {
        return session.getAttachment(KEY, ProtocolSession.State.Connection);
    }

    /** Tells the client with a 421 (RFC 5321 3.8) and closes the connection, on its I/O thread. */
    void end() {
        channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(CLOSING))
            .addListener(ChannelFutureListener.CLOSE));
    }

    void whenClosed(Runnable action) {
        channel.closeFuture().addListener(future -> action.run());
    }
}
