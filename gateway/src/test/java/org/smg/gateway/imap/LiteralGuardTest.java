package org.smg.gateway.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.imap.encode.FakeImapSession;
import org.apache.james.imapserver.netty.NettyConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

class LiteralGuardTest {
    private static final long PRE_AUTH_LIMIT = 8192;
    private static final long POST_AUTH_LIMIT = 100_000;
    private static final int MAX_LITERALS = 3;

    private final EmbeddedChannel channel = new EmbeddedChannel(new LiteralGuard(PRE_AUTH_LIMIT, POST_AUTH_LIMIT, MAX_LITERALS));

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void bytesShouldPassUnchangedWhenCommandHasNoLiteral() {
        String command = "a1 CAPABILITY\r\na2 NOOP\r\n";

        channel.writeInbound(bytes(command));

        assertThat(inbound()).isEqualTo(command);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void bytesShouldPassUnchangedWhenPreAuthLiteralsAreWithinLimit() {
        String command = "a1 LOGIN {4}\r\ndemo {8192}\r\n" + "p".repeat(8192) + "\r\n";

        channel.writeInbound(bytes(command));

        assertThat(inbound()).isEqualTo(command);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void connectionShouldBeClosedWithByeWhenPreAuthLiteralExceedsLimit() {
        ByteBuf refused = bytes("a1 LOGIN {8193}\r\n");

        channel.writeInbound(refused);

        assertThat(outbound()).isEqualTo("* BYE Literal of 8193 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).as("nothing reaches James").isNull();
        assertThat(refused.refCnt()).as("refused buffer released").isZero();
    }

    @Test
    void connectionShouldBeClosedWhenNonSynchronizingLiteralExceedsLimit() {
        channel.writeInbound(bytes("a1 LOGIN {2147483648+}\r\n"));

        assertThat(outbound()).isEqualTo("* BYE Literal of 2147483648 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void connectionShouldBeClosedWhenLiteralMinusExceedsLimit() {
        channel.writeInbound(bytes("a1 LOGIN {9000-}\n"));

        assertThat(outbound()).startsWith("* BYE Literal of 9000 bytes");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void connectionShouldBeClosedWhenLiteralSizeHasAbsurdlyManyDigits() {
        channel.writeInbound(bytes("a1 LOGIN {" + "9".repeat(40) + "}\r\n"));

        assertThat(outbound()).startsWith("* BYE Literal of " + Long.MAX_VALUE + " bytes");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void connectionShouldBeClosedWhenAnnouncementIsSplitAcrossBuffers() {
        ByteBuf first = bytes("a1 LOGIN {2147");

        channel.writeInbound(first);
        channel.writeInbound(bytes("483648}\r"));
        channel.writeInbound(bytes("\n"));

        assertThat(channel.isOpen()).isFalse();
        assertThat(outbound()).startsWith("* BYE Literal of 2147483648 bytes");
        assertThat(inbound()).as("bytes before the refusal passed unchanged").isEqualTo("a1 LOGIN {2147483648}\r");
    }

    @Test
    void literalContentShouldNotBeTakenForAnnouncementWhenSplitAcrossBuffers() {
        String literal = "x{999999}\r\n{999999}\r\n";
        String command = "a1 LOGIN {" + literal.length() + "}\r\n" + literal + " pass\r\n";

        for (int i = 0; i < command.length(); i += 5) {
            channel.writeInbound(bytes(command.substring(i, Math.min(command.length(), i + 5))));
        }

        assertThat(channel.isOpen()).isTrue();
        assertThat(inbound()).isEqualTo(command);
    }

    @Test
    void literalAbovePreAuthLimitShouldPassWhenSessionIsAuthenticated() {
        authenticate();
        String command = "a2 APPEND INBOX {20000+}\r\n" + "m".repeat(20_000) + "\r\n";

        channel.writeInbound(bytes(command));

        assertThat(channel.isOpen()).isTrue();
        assertThat(inbound()).isEqualTo(command);
    }

    @Test
    void connectionShouldBeClosedWithoutLoginWordingWhenPostAuthLiteralExceedsLimit() {
        authenticate();

        channel.writeInbound(bytes("a2 APPEND INBOX {100001}\r\n"));

        assertThat(outbound()).isEqualTo("* BYE Literal of 100001 bytes exceeds the limit of 100000 bytes\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void preAuthLimitShouldApplyWhenSessionHasLoggedOut() {
        FakeImapSession session = new FakeImapSession();
        session.authenticated();
        session.logout().block();
        channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).set(session);

        channel.writeInbound(bytes("a3 APPEND INBOX {9000+}\r\n"));

        assertThat(outbound()).isEqualTo("* BYE Literal of 9000 bytes exceeds the limit of 8192 bytes before login\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void connectionShouldBeClosedWhenCommandHasMoreLiteralsThanAllowed() {
        channel.writeInbound(bytes("a1 ID ({1+}\r\na {1+}\r\nb {1+}\r\nc {1+}\r\n"));

        assertThat(outbound()).isEqualTo("* BYE Too many literals in one command (limit 3)\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void literalCountShouldStartAgainWhenNextCommandBegins() {
        String command = "a1 ID ({1+}\r\na {1+}\r\nb {1+}\r\nc)\r\n";

        channel.writeInbound(bytes(command + command.replace("a1", "a2")));

        assertThat(channel.isOpen()).isTrue();
        assertThat(inbound()).isEqualTo(command + command.replace("a1", "a2"));
    }

    @Test
    void laterBytesShouldBeDroppedWhenConnectionIsBeingRefused() {
        List<Object> pendingWrites = new ArrayList<>();
        EmbeddedChannel slowClient = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                pendingWrites.add(msg); // the BYE is still being written: the close has not happened yet
            }
        }, new LiteralGuard(PRE_AUTH_LIMIT, POST_AUTH_LIMIT, MAX_LITERALS));
        slowClient.writeInbound(bytes("a1 LOGIN {9999}\r\n"));
        ByteBuf late = bytes("x".repeat(100));

        slowClient.writeInbound(late);

        assertThat(slowClient.isOpen()).isTrue();
        assertThat(late.refCnt()).as("late buffer released").isZero();
        assertThat((Object) slowClient.readInbound()).as("nothing reaches James").isNull();
        pendingWrites.forEach(ReferenceCountUtil::release);
        slowClient.finishAndReleaseAll();
    }

    private void authenticate() {
        FakeImapSession session = new FakeImapSession();
        session.authenticated();
        channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).set(session);
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    /** Everything forwarded to the next handler (James's framer), as one string. */
    private String inbound() {
        StringBuilder text = new StringBuilder();
        ByteBuf buffer;
        while ((buffer = channel.readInbound()) != null) {
            text.append(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        return text.toString();
    }

    /** Everything written to the client, as one string. */
    private String outbound() {
        StringBuilder text = new StringBuilder();
        ByteBuf buffer;
        while ((buffer = channel.readOutbound()) != null) {
            text.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }
        return text.toString();
    }
}
