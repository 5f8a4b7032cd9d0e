package org.smg.gateway.imap;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.imapserver.netty.NettyImapRequestLineReader.NotEnoughDataException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;

/**
 * Lets James decode a connection's next command only once the previous one has been answered, and
 * stops reading from the socket meanwhile, so a pipelining client waits in its own socket buffer,
 * not in the server's memory nor in James's shared request queue. James 3.8.1 puts every decoded
 * command of every connection in one bounded queue and, when it is full, answers {@code NO} at once
 * while still running the command: the {@code NO} lands inside another answer's literal and
 * clients such as mbsync see a bogus FETCH response. With one command per connection in flight, a
 * client never reaches that queue's bound, however deep it pipelines.
 *
 * <p>Applies once the connection is encrypted: before STARTTLS, bytes held back here would be
 * decoded after the TLS switch, outside the line framer's command-injection check, so the plain
 * phase (no login allowed there) keeps James's behaviour.
 *
 * <p>One instance per connection: a handler near the head of the pipeline (it withholds the read
 * requests decoders make while paused), the decoder wrapper in front of James's decoder, and the
 * target of {@link CompletionReportingProcessor}'s reports.
 */
final class CommandWindow extends ChannelDuplexHandler implements ImapDecoder {
    static final String NAME = "smgCommandWindow";
    private static final String SESSION_ATTRIBUTE = CommandWindow.class.getName();

    private final ImapDecoder next;
    private final Channel channel;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused;

    CommandWindow(ImapDecoder next, Channel channel) {
        this.next = next;
        this.channel = channel;
    }

    /** The window of the session's connection, when the session is one of ours. */
    static void completed(ImapSession session) {
        Object window = session.getAttribute(SESSION_ATTRIBUTE);
        if (window instanceof CommandWindow) {
            ((CommandWindow) window).completed();
        }
    }

    @Override
    public ImapMessage decode(ImapRequestLineReader request, ImapSession session) {
        if (session.getAttribute(SESSION_ATTRIBUTE) == null) {
            session.setAttribute(SESSION_ATTRIBUTE, this);
        }
        if (inFlight.get() > 0 && session.isTLSActive()) {
            paused = true;
            channel.config().setAutoRead(false);
            // James's frame decoder keeps the bytes and retries when resume() feeds it again.
            throw new NotEnoughDataException();
        }
        ImapMessage message = next.decode(request, session);
        inFlight.incrementAndGet();
        return message;
    }

    /** While paused, a decoder's request for more bytes is withheld: the bytes already read are enough. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!paused) {
            ctx.read();
        }
    }

    private void completed() {
        inFlight.decrementAndGet();
        channel.eventLoop().execute(this::resume);
    }

    private void resume() {
        if (!paused || inFlight.get() > 0 || !channel.isActive()) {
            return;
        }
        paused = false;
        ChannelHandlerContext decoder = channel.pipeline().context(NettyConstants.REQUEST_DECODER);
        if (decoder != null) {
            try {
                ((ChannelInboundHandler) decoder.handler()).channelRead(decoder, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                decoder.fireExceptionCaught(e);
            }
        }
        if (!paused) {
            channel.config().setAutoRead(true);
        }
    }
}
