package org.smg.gateway.imap;

import java.nio.charset.StandardCharsets;

import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imapserver.netty.NettyConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Watches the raw IMAP byte stream for literal announcements ({@code {n}}, {@code {n+}},
 * {@code {n-}}) and cuts the connection off, before James buffers anything, when a literal is
 * larger than allowed (a small cap before login, James's literal limit after) or when one command
 * carries too many literals. Closes the memory-exhaustion hole of CVE-2024-37358 in James 3.8.1.
 *
 * <p>It never alters the bytes it lets through. One instance per connection.
 */
final class LiteralGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiteralGuard.class);
    private static final int TAIL = 24;

    private final long preAuthLimit;
    private final long postAuthLimit;
    private final int maxLiteralsPerCommand;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private long literalRemaining;
    private int literalsInCommand;
    private boolean closing;

    LiteralGuard(long preAuthLimit, long postAuthLimit, int maxLiteralsPerCommand) {
        this.preAuthLimit = preAuthLimit;
        this.postAuthLimit = postAuthLimit;
        this.maxLiteralsPerCommand = maxLiteralsPerCommand;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf) {
            String refusal = scan(ctx, (ByteBuf) msg);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Returns why the connection must end, or null when the bytes may pass. */
    private String scan(ChannelHandlerContext ctx, ByteBuf buffer) {
        int index = buffer.readerIndex();
        int end = buffer.writerIndex();
        while (index < end) {
            if (literalRemaining > 0) {
                int skip = (int) Math.min(literalRemaining, end - index);
                literalRemaining -= skip;
                index += skip;
                continue;
            }
            byte current = buffer.getByte(index++);
            if (current == '\n') {
                String refusal = endOfLine(ctx);
                if (refusal != null) {
                    return refusal;
                }
            } else {
                remember(current);
            }
        }
        return null;
    }

    private String endOfLine(ChannelHandlerContext ctx) {
        long announced = announcedLiteral();
        tailLength = 0;
        if (announced < 0) {
            literalsInCommand = 0;
            return null;
        }
        boolean authenticated = isAuthenticated(ctx);
        long limit = authenticated ? postAuthLimit : preAuthLimit;
        if (announced > limit) {
            return "Literal of " + announced + " bytes exceeds the limit of " + limit + " bytes"
                + (authenticated ? "" : " before login");
        }
        if (++literalsInCommand > maxLiteralsPerCommand) {
            return "Too many literals in one command (limit " + maxLiteralsPerCommand + ")";
        }
        literalRemaining = announced;
        return null;
    }

    /** Size announced by a line ending in {n}, {n+} or {n-} (CR optional), Long.MAX_VALUE if absurd, -1 if none. */
    private long announcedLiteral() {
        int end = tailLength;
        if (end > 0 && tail[end - 1] == '\r') {
            end--;
        }
        if (end < 3 || tail[end - 1] != '}') {
            return -1;
        }
        int digitsEnd = end - 1;
        if (tail[digitsEnd - 1] == '+' || tail[digitsEnd - 1] == '-') {
            digitsEnd--;
        }
        int digitsStart = digitsEnd;
        while (digitsStart > 0 && tail[digitsStart - 1] >= '0' && tail[digitsStart - 1] <= '9') {
            digitsStart--;
        }
        if (digitsStart == digitsEnd || digitsStart == 0 || tail[digitsStart - 1] != '{') {
            return digitsStart == 0 && digitsEnd - digitsStart >= TAIL - 3 ? Long.MAX_VALUE : -1;
        }
        String digits = new String(tail, digitsStart, digitsEnd - digitsStart, StandardCharsets.US_ASCII);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private void remember(byte current) {
        if (tailLength == TAIL) {
            System.arraycopy(tail, 1, tail, 0, TAIL - 1);
            tailLength--;
        }
        tail[tailLength++] = current;
    }

    /** Only a logged-in session gets the larger limit: before login and after LOGOUT the small one applies. */
    private static boolean isAuthenticated(ChannelHandlerContext ctx) {
        ImapSession session = ctx.channel().attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).get();
        if (session == null) {
            return false;
        }
        ImapSessionState state = session.getState();
        return state == ImapSessionState.AUTHENTICATED || state == ImapSessionState.SELECTED;
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        closing = true;
        LOGGER.warn("Closing IMAP connection from {}: {}", ctx.channel().remoteAddress(), reason);
        ctx.writeAndFlush(Unpooled.copiedBuffer("* BYE " + reason + "\r\n", StandardCharsets.US_ASCII))
            .addListener(ChannelFutureListener.CLOSE);
    }
}
