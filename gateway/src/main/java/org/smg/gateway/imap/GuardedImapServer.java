package org.smg.gateway.imap;

import java.util.Optional;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServer;
import org.apache.james.imapserver.netty.ImapMetrics;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.util.Size;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * James's IMAP server whose request decoder, on every connection, decodes one command at a time
 * ({@link CommandWindow}) and reads literals through a {@link LiteralGate}: James's own frame
 * decoder's decisions, built with the same settings, so framing and buffering stay James's; large
 * literals are spooled encrypted ({@link EncryptingFrameDecoder}) and the decisions to read a command
 * and a literal are ours. The client's address
 * is recorded in the session for the {@link GatedLoginProcessor}.
 */
final class GuardedImapServer extends IMAPServer {
    private final ImapDecoder decoder;
    private final ImapGuardLimits limits;
    private int maxLineLength;
    private int inMemorySizeLimit;
    private int literalSizeLimit;

    GuardedImapServer(ImapDecoder decoder, ImapEncoder encoder, ImapProcessor processor, ImapMetrics metrics,
                      GaugeRegistry gaugeRegistry, ImapGuardLimits limits) {
        super(decoder, encoder, processor, metrics, gaugeRegistry);
        this.decoder = decoder;
        this.limits = limits;
    }

    /** Reads the frame decoder's settings from the same keys, with the same defaults, as James. */
    @Override
    public void doConfigure(HierarchicalConfiguration<ImmutableNode> configuration) throws ConfigurationException {
        super.doConfigure(configuration);
        maxLineLength = configuration.getInt("maxLineLength", DEFAULT_MAX_LINE_LENGTH);
        inMemorySizeLimit = bytes(configuration, "inMemorySizeLimit", DEFAULT_IN_MEMORY_SIZE_LIMIT.asBytes());
        literalSizeLimit = bytes(configuration, "literalSizeLimit", DEFAULT_LITERAL_SIZE_LIMIT);
    }

    private static int bytes(HierarchicalConfiguration<ImmutableNode> configuration, String key, long fallback) {
        return Math.toIntExact(Optional.ofNullable(configuration.getString(key, null)).map(Size::parse).map(Size::asBytes).orElse(fallback));
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
                CommandWindow window = new CommandWindow(new LiteralGate(decoder, channel, limits), channel);
                channel.pipeline().replace(NettyConstants.REQUEST_DECODER, NettyConstants.REQUEST_DECODER,
                    new EncryptingFrameDecoder(window, inMemorySizeLimit, literalSizeLimit, maxLineLength));
                // Near the head, so that it sees the read requests of every decoder behind it.
                if (channel.pipeline().get(NettyConstants.SSL_HANDLER) != null) {
                    channel.pipeline().addAfter(NettyConstants.SSL_HANDLER, CommandWindow.NAME, window);
                } else {
                    channel.pipeline().addFirst(CommandWindow.NAME, window);
                }
                channel.pipeline().addBefore(HandlerConstants.CORE_HANDLER, "smgClientAddress", new ClientAddressRecorder());
            }
        };
    }
}
