package org.smg.gateway.imap;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.james.imap.api.process.ImapSession;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The network connection of an IMAP session, which James 3.8.1's {@link ImapSession} does not
 * expose: recorded in the session by {@link ClientAddressRecorder}, so that a suspension, an
 * opt-out or a password change can end the session, IDLE included.
 */
final class ImapConnection {
    static final String SESSION_ATTRIBUTE = "org.smg.gateway.imap.connection";
    private static final byte[] BYE = "* BYE Session ended by the gateway: the account changed\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Channel channel;

    ImapConnection(Channel channel) {
        this.channel = channel;
    }

    static Optional<ImapConnection> of(ImapSession session) {
        return Optional.ofNullable((ImapConnection) session.getAttribute(SESSION_ATTRIBUTE));
    }

    /**
     * Tells the client with an untagged BYE (RFC 9051 7.1.5) and closes the connection. Written on
     * the connection's I/O thread, after any response already queued there.
     */
    void end() {
        channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(BYE))
            .addListener(ChannelFutureListener.CLOSE));
    }

    void whenClosed(Runnable action) {
        channel.closeFuture().addListener(future -> action.run());
    }
}
