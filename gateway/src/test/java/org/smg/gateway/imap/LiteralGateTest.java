package org.smg.gateway.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.message.response.StatusResponse;
import org.apache.james.imap.encode.FakeImapSession;
import org.apache.james.imap.main.DefaultImapDecoderFactory;
import org.apache.james.imapserver.netty.ImapRequestFrameDecoder;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.imapserver.netty.SwitchableLineBasedFrameDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/** James's own framer and frame decoder, with the gate, on an in-memory channel. */
class LiteralGateTest {
    static final long PRE_AUTH_LIMIT = 8192;
    static final long POST_AUTH_LIMIT = 100_000;
    static final int MAX_LITERALS = 3;

    private final FakeImapSession session = new Session();
    private final EmbeddedChannel channel = gatedChannel(session);

    static EmbeddedChannel gatedChannel(FakeImapSession session, ChannelHandler... first) {
        return new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(first);
                channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).set(session);
                LiteralGate gate = new LiteralGate(DefaultImapDecoderFactory.createDecoder(), channel,
                    new ImapGuardLimits(PRE_AUTH_LIMIT, POST_AUTH_LIMIT, MAX_LITERALS));
                channel.pipeline().addLast(NettyConstants.FRAMER, new SwitchableLineBasedFrameDecoder(channel.pipeline(), 65536, false));
                channel.pipeline().addLast(NettyConstants.REQUEST_DECODER,
                    new ImapRequestFrameDecoder(gate, 1024 * 1024, (int) POST_AUTH_LIMIT, 65536));
            }
        });
    }

    /** James's fake session, with the command-injection detection of its line framer switched off. */
    static final class Session extends FakeImapSession {
        private final boolean tlsActive;

        Session() {
            this(false);
        }

        Session(boolean tlsActive) {
            this.tlsActive = tlsActive;
        }

        @Override
        public boolean isTLSActive() {
            return tlsActive;
        }

        @Override
        public boolean needsCommandInjectionDetection() {
            return false;
        }

        @Override
        public void startDetectingCommandInjection() {
        }

        @Override
        public void stopDetectingCommandInjection() {
        }
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void decodeShouldSendOneContinuationPerSynchronizingLiteralWhenWithinPreAuthLimit() {
        channel.writeInbound(bytes("a1 LOGIN {4}\r\n"));
        String first = outbound(channel);
        channel.writeInbound(bytes("demo {8192}\r\n"));
        String second = outbound(channel);

        channel.writeInbound(bytes("p".repeat(8192) + "\r\n"));

        assertThat(first).isEqualTo("+ Ok\r\n");
        assertThat(second).isEqualTo("+ Ok\r\n");
        assertThat(outbound(channel)).isEmpty();
        assertThat(decoded(channel)).hasSize(1).first().isNotInstanceOf(StatusResponse.class);
    }

    @Test
    void decodeShouldCloseWithByeAndNoContinuationWhenPreAuthLiteralExceedsLimit() {
        channel.writeInbound(bytes("a1 LOGIN {8193}\r\n"));

        assertThat(outbound(channel)).isEqualTo("* BYE Literal of 8193 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(decoded(channel)).isEmpty();
    }

    @Test
    void decodeShouldCloseBeforeReadingWhenPreAuthNonSynchronizingLiteralExceedsLimit() {
        channel.writeInbound(bytes("a1 LOGIN {2147483648+}\r\n" + "x".repeat(100_000)));

        assertThat(outbound(channel)).isEqualTo("* BYE Literal of 2147483648 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(decoded(channel)).isEmpty();
    }

    @Test
    void decodeShouldCloseWhenLiteralSizeHasAbsurdlyManyDigits() {
        channel.writeInbound(bytes("a1 LOGIN {99999999999999999999999999999}\r\n"));

        assertThat(outbound(channel)).startsWith("* BYE Literal of " + Long.MAX_VALUE + " bytes exceeds the limit of 8192 bytes");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void decodeShouldAnswerBadWithoutContinuationWhenLiteralSizeIsMalformed() {
        channel.writeInbound(bytes("a1 LOGIN {9000-}\r\n"));

        assertThat(outbound(channel)).isEmpty();
        assertThat(decoded(channel)).singleElement().asString().contains("BAD");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void decodeShouldNotCountLiteralWhenJamesRefusesCommandInThisState() {
        channel.writeInbound(bytes("a1 SELECT {8000}\r\n"));
        String afterSelect = outbound(channel);
        List<ImapMessage> selectAnswer = decoded(channel);

        channel.writeInbound(bytes("a2 LOGIN {52428800}\r\n" + "x".repeat(7978)));

        assertThat(afterSelect).as("no continuation for a command James refuses unread").isEmpty();
        assertThat(selectAnswer).singleElement().asString().contains("NO");
        assertThat(outbound(channel)).isEqualTo("* BYE Literal of 52428800 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void decodeShouldAcceptLiteralAbovePreAuthLimitWhenSessionIsAuthenticated() {
        session.authenticated();

        channel.writeInbound(bytes("a1 APPEND INBOX {20000+}\r\n" + "x".repeat(20_000) + "\r\n"));

        assertThat(outbound(channel)).isEmpty();
        assertThat(decoded(channel)).singleElement().isNotInstanceOf(StatusResponse.class);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void decodeShouldCloseWithoutLoginWordingWhenAuthenticatedLiteralExceedsLimit() {
        session.authenticated();

        channel.writeInbound(bytes("a1 APPEND INBOX {100001}\r\n"));

        assertThat(outbound(channel)).isEqualTo("* BYE Literal of 100001 bytes exceeds the limit of 100000 bytes\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void decodeShouldApplyPreAuthLimitWhenSessionHasLoggedOut() {
        session.authenticated();
        session.logout().block();

        channel.writeInbound(bytes("a1 APPEND INBOX {9000+}\r\n"));

        assertThat(decoded(channel)).isEmpty();
    }

    @Test
    void decodeShouldCloseWhenCommandHasMoreLiteralsThanAllowed() {
        session.authenticated();
        session.selected(null);

        channel.writeInbound(bytes("a1 SEARCH HEADER {1+}\r\nS {1+}\r\na HEADER {1+}\r\nF {1+}\r\nb\r\n"));

        assertThat(outbound(channel)).isEqualTo("* BYE Too many literals in one command (limit 3)\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void literalCountShouldStartAgainWhenNextCommandBegins() {
        channel.writeInbound(bytes("a1 LOGIN {1+}\r\nu {1+}\r\np\r\na2 LOGIN {1+}\r\nu {1+}\r\np\r\n"));

        assertThat(outbound(channel)).isEmpty();
        assertThat(decoded(channel)).hasSize(2);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void laterBytesShouldNotBeDecodedWhileRefusedConnectionIsClosing() {
        List<Object> heldWrites = new ArrayList<>();
        EmbeddedChannel slowClient = gatedChannel(new Session(), new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                heldWrites.add(msg);
            }
        });
        slowClient.writeInbound(bytes("a1 LOGIN {9000+}\r\n"));

        slowClient.writeInbound(bytes("a2 NOOP\r\n"));

        assertThat(decoded(slowClient)).isEmpty();
        assertThat(slowClient.config().isAutoRead()).isFalse();
        heldWrites.forEach(ReferenceCountUtil::release);
        slowClient.finishAndReleaseAll();
    }

    static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    /** Everything written to the client since the last call, as one string. */
    static String outbound(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf buffer;
        while ((buffer = channel.readOutbound()) != null) {
            text.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }
        return text.toString();
    }

    /** Every request (or James's ready-made answer) the decoder produced since the last call. */
    static List<ImapMessage> decoded(EmbeddedChannel channel) {
        List<ImapMessage> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add((ImapMessage) message);
        }
        return messages;
    }
}
