package org.smg.gateway.imap;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.imap.api.process.ImapSession;
import org.smg.gateway.enrollment.SessionEnd;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The network connection of an IMAP session, which James 3.8.1's {@link ImapSession} does not
 * expose: recorded in the session by {@link ClientAddressRecorder}, so that a suspension, an
 * opt-out, a password change or a maintenance window can end the session, IDLE included.
 */
final class ImapConnection {
    static final String SESSION_ATTRIBUTE = "org.smg.gateway.imap.connection";

    private final Channel channel;

    ImapConnection(Channel channel) {
        this.channel = channel;
    }

    static Optional<ImapConnection> of(ImapSession session) {
        return Optional.ofNullable((ImapConnection) session.getAttribute(SESSION_ATTRIBUTE));
    }

    /**
     * Tells the client with an untagged BYE (RFC 9051 7.1.5) and closes the connection. Written on
     * the connection's I/O thread, after any response already queued there. A maintenance window's
     * BYE carries {@code [UNAVAILABLE]} (RFC 5530: a temporary failure), so a client retries later.
     */
    void end(SessionEnd why) {
        byte[] bye = byeLine(why).getBytes(StandardCharsets.US_ASCII);
        channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(bye))
            .addListener(ChannelFutureListener.CLOSE));
    }

    static String byeLine(SessionEnd why) {
        String code = why.cause() == SessionEnd.Cause.MAINTENANCE ? "[UNAVAILABLE] " : "";
        return "* BYE " + code + why.explanation() + "\r\n";
    }

    void whenClosed(Runnable action) {
        channel.closeFuture().addListener(future -> action.run());
    }
}
