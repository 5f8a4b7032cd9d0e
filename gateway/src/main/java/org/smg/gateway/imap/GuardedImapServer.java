package org.smg.gateway.imap;

import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imapserver.netty.IMAPServer;
import org.apache.james.imapserver.netty.ImapMetrics;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.HandlerConstants;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * James's IMAP server with a {@link LiteralGuard} in front of its request decoder on every connection,
 * and the client's address recorded in the session for the {@link GatedLoginProcessor}.
 */
final class GuardedImapServer extends IMAPServer {
    private final ImapGuardLimits limits;

    GuardedImapServer(ImapDecoder decoder, ImapEncoder encoder, ImapProcessor processor, ImapMetrics metrics,
                      GaugeRegistry gaugeRegistry, ImapGuardLimits limits) {
        super(decoder, encoder, processor, metrics, gaugeRegistry);
        this.limits = limits;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected AbstractChannelPipelineFactory createPipelineFactory() {
        AbstractChannelPipelineFactory james = super.createPipelineFactory();
        return new AbstractChannelPipelineFactory(getFrameHandlerFactory(), getExecutorGroup()) {
            @Override
            protected ChannelInboundHandlerAdapter createHandler() {
                return createCoreHandler();
            }

            @Override
            public void initChannel(Channel channel) {
                // Adding James's initializer to a registered channel runs it at once (and it removes itself).
                channel.pipeline().addLast(james);
                channel.pipeline().addBefore(HandlerConstants.FRAMER, "smgLiteralGuard",
                    new LiteralGuard(limits.preAuthLiteralSize(), limits.literalSize(), limits.literalsPerCommand()));
                channel.pipeline().addBefore(HandlerConstants.CORE_HANDLER, "smgClientAddress", new ClientAddressRecorder());
            }
        };
    }
}
