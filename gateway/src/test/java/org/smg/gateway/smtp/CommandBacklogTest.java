package org.smg.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

class CommandBacklogTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final CommandBacklog backlog = new CommandBacklog(channel);
    private final CommandThread commandThread = new CommandThread();

    CommandBacklogTest() {
        channel.pipeline().addLast(backlog.arrivals(), commandThread, backlog.departures());
    }

    @Test
    void arrivalsShouldStopReadingWhenTheLimitOfLinesWaitsForTheCommandThread() {
        receiveLines(CommandBacklog.MAX_WAITING_LINES - 1);
        boolean readingBelowTheLimit = channel.config().isAutoRead();

        receiveLines(1);

        assertThat(readingBelowTheLimit).isTrue();
        assertThat(channel.config().isAutoRead()).isFalse();
    }

    @Test
    void departuresShouldResumeReadingOnceFewerLinesThanTheLimitWait() {
        receiveLines(CommandBacklog.MAX_WAITING_LINES + 10);
        commandThread.handle(10);
        boolean readingAtTheLimit = channel.config().isAutoRead();

        commandThread.handle(1);

        assertThat(readingAtTheLimit).isFalse();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    private void receiveLines(int lines) {
        for (int i = 0; i < lines; i++) {
            channel.writeInbound(Unpooled.copiedBuffer(new byte[] {'\r', '\n'}));
        }
    }

    /** Stands for the command thread: holds the lines until the test lets it handle them. */
    private static final class CommandThread extends ChannelInboundHandlerAdapter {
        private final Queue<Object> waiting = new ArrayDeque<>();
        private ChannelHandlerContext context;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            context = ctx;
            waiting.add(message);
        }

        void handle(int lines) {
            for (int i = 0; i < lines; i++) {
                context.fireChannelRead(waiting.remove());
            }
        }
    }
}
