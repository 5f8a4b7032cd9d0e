package org.smg.gateway.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.smg.gateway.enrollment.SessionEnd;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The network connection of an SMTP session, which James's session does not expose: attached to
 * the session by {@link GuardedSmtpHandler}, so that a suspension, an opt-out, a password change or
 * a maintenance window can end an authenticated session.
 */
final class SmtpConnection {
    static final AttachmentKey<SmtpConnection> KEY = AttachmentKey.of("org.smg.gateway.smtp.connection", SmtpConnection.class);

    private final Channel channel;

    SmtpConnection(Channel channel) {
        this.channel = channel;
    }

    static Optional<SmtpConnection> of(ProtocolSession session) {
        return session.getAttachment(KEY, ProtocolSession.State.Connection);
    }

    /**
     * Tells the client with a 421 (RFC 5321 3.8) and closes the connection, on its I/O thread: 4.7.0
     * (security) when the account changed, 4.3.2 (system not accepting messages, RFC 3463) for a
     * maintenance window.
     */
    void end(SessionEnd why) {
        byte[] closing = closingLine(why).getBytes(StandardCharsets.US_ASCII);
        channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(closing))
            .addListener(ChannelFutureListener.CLOSE));
    }

    static String closingLine(SessionEnd why) {
        String status = why.cause() == SessionEnd.Cause.MAINTENANCE ? "4.3.2 " : "4.7.0 ";
        return "421 " + status + why.explanation() + "\r\n";
    }

    void whenClosed(Runnable action) {
        channel.closeFuture().addListener(future -> action.run());
    }
}
