package org.smg.gateway.smtp;

import java.util.concurrent.TimeUnit;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.NettyProtocolTransport;

import io.netty.channel.Channel;

/**
 * James's transport, with the STARTTLS switch made in one step on the connection's I/O thread: the
 * 220 reply goes out, the TLS handler goes in at the head of the pipeline, and the line decoder
 * stops looking for commands injected after STARTTLS. Called from a command thread, James would
 * add the TLS handler from that thread, and the I/O thread could read the client's next bytes
 * before the handler is in place. The command thread waits for the switch.
 */
final class StartTlsOnIoThread extends NettyProtocolTransport {
    private static final long SWITCH_LIMIT_SECONDS = 10;

    private final Channel channel;

    StartTlsOnIoThread(Channel channel, Encryption encryption, boolean proxyRequired) {
        super(channel, encryption, proxyRequired);
        this.channel = channel;
    }

    @Override
    protected void writeToClient(byte[] bytes, ProtocolSession session, boolean startTls) {
        if (!startTls || channel.eventLoop().inEventLoop()) {
            super.writeToClient(bytes, session, startTls);
            return;
        }
        channel.eventLoop().submit(() -> {
            super.writeToClient(bytes, session, true);
            // Here too, so that the decoder, on this thread, sees it (James also sets it on the command thread).
            session.stopDetectingCommandInjection();
        }).awaitUninterruptibly(SWITCH_LIMIT_SECONDS, TimeUnit.SECONDS);
    }
}
