package org.smg.gateway.smtp;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stops reading from a client while {@link #MAX_WAITING_LINES} of its lines wait for its command
 * thread, and reads again once they are handled. Commands no longer run on the I/O thread, which
 * used to stop reading by itself while a command ran; without this, a client sending while its
 * AUTH waits would fill the heap instead of its own TCP window.
 */
final class CommandBacklog {
    static final String ARRIVALS = "smgCommandArrivals";
    static final String DEPARTURES = "smgCommandDepartures";
    static final int MAX_WAITING_LINES = 64;

    private final AtomicInteger waiting = new AtomicInteger();
    private final Channel channel;

    CommandBacklog(Channel channel) {
        this.channel = channel;
    }

    /** On the I/O thread, where lines are handed over to the command thread. */
    ChannelInboundHandler arrivals() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                if (waiting.incrementAndGet() >= MAX_WAITING_LINES) {
                    channel.config().setAutoRead(false);
                }
                ctx.fireChannelRead(message);
            }
        };
    }

    /** On the command thread, just before James's SMTP handler, which handles a line synchronously. */
    ChannelInboundHandler departures() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                try {
                    ctx.fireChannelRead(message);
                } finally {
                    // Every line counted above comes through here, so reading always resumes.
                    if (waiting.decrementAndGet() < MAX_WAITING_LINES && !channel.config().isAutoRead()) {
                        channel.config().setAutoRead(true);
                    }
                }
            }
        };
    }
}
