package org.smg.gateway.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smg.gateway.imap.LiteralGateTest.bytes;
import static org.smg.gateway.imap.LiteralGateTest.decoded;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.imap.encode.FakeImapSession;
import org.apache.james.imap.main.DefaultImapDecoderFactory;
import org.apache.james.imapserver.netty.ImapRequestFrameDecoder;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.imapserver.netty.SwitchableLineBasedFrameDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/** The window in front of James's own framer and frame decoder, on an in-memory channel. */
class CommandWindowTest {
    private final AtomicInteger readRequests = new AtomicInteger();
    private final LiteralGateTest.Session session = new LiteralGateTest.Session(true);
    private final EmbeddedChannel channel = windowedChannel(session);

    private EmbeddedChannel windowedChannel(FakeImapSession imapSession) {
        return new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).set(imapSession);
                CommandWindow window = new CommandWindow(DefaultImapDecoderFactory.createDecoder(), channel);
                channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void read(ChannelHandlerContext ctx) {
                        readRequests.incrementAndGet();
                        ctx.read();
                    }
                });
                channel.pipeline().addLast(CommandWindow.NAME, window);
                channel.pipeline().addLast(NettyConstants.FRAMER, new SwitchableLineBasedFrameDecoder(channel.pipeline(), 65536, false));
                channel.pipeline().addLast(NettyConstants.REQUEST_DECODER, new ImapRequestFrameDecoder(window, 1024 * 1024, 100_000, 65536));
            }
        });
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void decodeShouldHoldNextCommandBackAndStopReadingWhenPreviousIsUnanswered() {
        channel.writeInbound(bytes("a1 NOOP\r\na2 NOOP\r\na3 NOOP\r\n"));

        assertThat(decoded(channel)).hasSize(1);
        assertThat(channel.config().isAutoRead()).isFalse();
    }

    @Test
    void readRequestsShouldBeWithheldWhileCommandIsHeldBack() {
        channel.writeInbound(bytes("a1 NOOP\r\na2 NOOP\r\n"));
        int before = readRequests.get();

        channel.read();
        channel.pipeline().context(NettyConstants.REQUEST_DECODER).read();

        assertThat(readRequests.get()).isEqualTo(before);
    }

    @Test
    void nextCommandShouldBeDecodedWhenPreviousIsAnswered() {
        channel.writeInbound(bytes("a1 NOOP\r\na2 NOOP\r\na3 NOOP\r\n"));
        decoded(channel);

        CommandWindow.completed(session);
        channel.runPendingTasks();
        int second = decoded(channel).size();
        CommandWindow.completed(session);
        channel.runPendingTasks();
        int third = decoded(channel).size();

        assertThat(second).isEqualTo(1);
        assertThat(third).isEqualTo(1);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void decodeShouldNotHoldBackWhenConnectionIsNotYetEncrypted() {
        LiteralGateTest.Session plain = new LiteralGateTest.Session(false);
        EmbeddedChannel plainChannel = windowedChannel(plain);

        plainChannel.writeInbound(bytes("a1 NOOP\r\na2 NOOP\r\na3 NOOP\r\n"));

        assertThat(decoded(plainChannel)).hasSize(3);
        assertThat(plainChannel.config().isAutoRead()).isTrue();
        plainChannel.finishAndReleaseAll();
    }
}
