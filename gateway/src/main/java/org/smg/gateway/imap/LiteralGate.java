package org.smg.gateway.imap;

import java.nio.charset.StandardCharsets;

import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imapserver.netty.NettyImapRequestLineReader.NotEnoughDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * James's IMAP decoder for one connection, with literals read through {@link LimitedLiteralReader}:
 * a literal larger than the limit of the session's state (a small one before login, the advertised
 * APPENDLIMIT after) or one literal too many in a command ends the connection with {@code * BYE}
 * before any continuation is sent or any byte of it is buffered (CVE-2024-37358). Because the
 * check runs where James's parser asks for the literal, a command James refuses without reading
 * its literal ({@code NO ... not valid in this state}) never has its literal counted or skipped.
 *
 * <p>It also sends the continuation ({@code + Ok}) itself, once per synchronizing literal of the
 * command being parsed, which James's decoder, re-parsing a command from its start each time more
 * bytes arrive, does only for the first.
 */
final class LiteralGate implements ImapDecoder {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiteralGate.class);
    private static final byte[] CONTINUATION = "+ Ok\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ImapDecoder james;
    private final Channel channel;
    private final ImapGuardLimits limits;
    private volatile int literalsContinued;
    private volatile boolean refused;

    LiteralGate(ImapDecoder james, Channel channel, ImapGuardLimits limits) {
        this.james = james;
        this.channel = channel;
        this.limits = limits;
    }

    /** Called by James's frame decoder once per parse attempt of a command (from its file-upload thread for large literals). */
    @Override
    public ImapMessage decode(ImapRequestLineReader request, ImapSession session) {
        if (refused) {
            throw new NotEnoughDataException();
        }
        try {
            ImapMessage message = james.decode(new LimitedLiteralReader(request, this, session), session);
            literalsContinued = 0;
            return message;
        } catch (LiteralRefused refusal) {
            refuse(refusal.getMessage());
            // James's frame decoder keeps the bytes and waits for more; the connection is closing.
            throw new NotEnoughDataException();
        }
    }

    /** Throws {@link LiteralRefused} unless the {@code count}-th literal of a command, of {@code size} bytes, may be read. */
    void check(ImapSession session, long size, int count) {
        boolean authenticated = isAuthenticated(session);
        long limit = authenticated ? limits.literalSize() : limits.preAuthLiteralSize();
        if (size > limit) {
            throw new LiteralRefused("Literal of " + size + " bytes exceeds the limit of " + limit + " bytes"
                + (authenticated ? "" : " before login"));
        }
        if (count > limits.literalsPerCommand()) {
            throw new LiteralRefused("Too many literals in one command (limit " + limits.literalsPerCommand() + ")");
        }
    }

    /** Asks the client for the {@code index}-th literal of the command, unless an earlier parse attempt already did. */
    void continueLiteral(int index) {
        if (index >= literalsContinued) {
            literalsContinued = index + 1;
            channel.writeAndFlush(Unpooled.wrappedBuffer(CONTINUATION));
        }
    }

    /** Only a logged-in session gets the larger limit: before login and after LOGOUT the small one applies. */
    private static boolean isAuthenticated(ImapSession session) {
        ImapSessionState state = session.getState();
        return state == ImapSessionState.AUTHENTICATED || state == ImapSessionState.SELECTED;
    }

    private void refuse(String reason) {
        refused = true;
        LOGGER.warn("Closing IMAP connection from {}: {}", channel.remoteAddress(), reason);
        channel.config().setAutoRead(false);
        channel.writeAndFlush(Unpooled.copiedBuffer("* BYE " + reason + "\r\n", StandardCharsets.US_ASCII))
            .addListener(ChannelFutureListener.CLOSE);
    }
}
