package org.smg.gateway.smtp;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.protocols.smtp.SMTPConfiguration;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.smtpserver.ExtendedSMTPSession;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SmtpMetrics;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * James's SMTP server, whose commands run on {@link CommandThreads} instead of Netty's I/O threads.
 * James 3.8.1 runs SMTP commands synchronously where it reads them, on I/O threads each shared by
 * many connections, so one waiting command (an AUTH that the login gate holds back, a password
 * hash queued behind others) stalled every connection of its thread. Here the I/O threads only
 * read, decode lines, write and run TLS; James's handler chain is unchanged, each connection's
 * commands still run one at a time and in order.
 *
 * <p>James's pipeline is built by James, then adjusted: its line decoder moves from James's
 * executor group to the I/O thread, where TLS is switched on ({@link StartTlsOnIoThread}), so no
 * byte is decoded between the STARTTLS reply and the TLS handler; its SMTP handler is put on the
 * command threads, behind a {@link CommandBacklog}.
 */
final class GuardedSmtpServer extends SMTPServer {
    /** Pool size when the server has no connection limit (the gateway always sets one). */
    private static final int THREADS_WITHOUT_CONNECTION_LIMIT = 1000;

    private final SmtpMetrics metrics;
    private SMTPProtocol protocol;
    private EventExecutorGroup commandThreads;

    GuardedSmtpServer(SmtpMetrics metrics) {
        super(metrics);
        this.metrics = metrics;
    }

    @Override
    protected void preInit() throws Exception {
        super.preInit();
        SMTPConfiguration configuration = new SMTPHandlerConfigurationDataImpl();
        protocol = new SMTPProtocol(getProtocolHandlerChain(), configuration) {
            @Override
            public ProtocolSession newSession(ProtocolTransport transport) {
                return new ExtendedSMTPSession(configuration, transport);
            }
        };
        commandThreads = CommandThreads.create(jmxName, connectionLimit > 0 ? connectionLimit : THREADS_WITHOUT_CONNECTION_LIMIT);
    }

    @Override
    protected void postDestroy() {
        super.postDestroy();
        commandThreads.shutdownGracefully();
    }

    @Override
    protected ChannelInboundHandlerAdapter createCoreHandler() {
        return new GuardedSmtpHandler(protocol, getEncryption(), proxyRequired, metrics);
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
                ChannelPipeline pipeline = channel.pipeline();
                // Fresh instances: Netty does not add a handler that is not sharable twice.
                pipeline.remove(HandlerConstants.FRAMER);
                pipeline.addBefore(HandlerConstants.CHUNK_HANDLER, HandlerConstants.FRAMER, getFrameHandlerFactory().create(pipeline));
                pipeline.remove(HandlerConstants.CORE_HANDLER);
                CommandBacklog backlog = new CommandBacklog(channel);
                pipeline.addLast(CommandBacklog.ARRIVALS, backlog.arrivals());
                pipeline.addLast(commandThreads, CommandBacklog.DEPARTURES, backlog.departures());
                pipeline.addLast(commandThreads, HandlerConstants.CORE_HANDLER, createCoreHandler());
            }
        };
    }
}
