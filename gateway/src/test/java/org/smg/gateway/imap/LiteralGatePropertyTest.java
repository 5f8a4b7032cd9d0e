package org.smg.gateway.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smg.gateway.imap.LiteralGateTest.PRE_AUTH_LIMIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

/**
 * Random command and literal sequences before login, sent the way an attacker would: literal bytes
 * follow whether or not a continuation came, and may hide further commands with literals. The
 * stream is fed in pieces that each end right after a literal announcement, so every continuation
 * the server sends answers the announcement that ends the piece; none may answer one above the
 * pre-auth limit.
 */
class LiteralGatePropertyTest {
    private static final String[] VERBS = {"LOGIN", "SELECT", "EXAMINE", "APPEND INBOX", "STATUS", "CREATE", "LIST \"\"",
        "AUTHENTICATE PLAIN", "NOOP", "CAPABILITY"};
    private static final Pattern ANNOUNCEMENT_AT_END = Pattern.compile("\\{(\\d+)(\\+?)}\r\n$");
    private static final Pattern ANNOUNCEMENT = Pattern.compile("\\{\\d+\\+?}\r\n");

    @RepeatedTest(200)
    void continuationShouldNeverAnswerLiteralAbovePreAuthLimitWhenNotAuthenticated(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        EmbeddedChannel channel = LiteralGateTest.gatedChannel(new LiteralGateTest.Session());
        try {
            for (String piece : pieces(script(random, 12, 0))) {
                if (!channel.isOpen()) {
                    break;
                }

                try {
                    channel.writeInbound(LiteralGateTest.bytes(piece));
                } catch (DecoderException jamesEndsConnection) {
                    // James's parsers throw on some input (a user name over 255 characters); its handler then closes.
                    break;
                }
                String answer = LiteralGateTest.outbound(channel);
                LiteralGateTest.decoded(channel);

                if (answer.contains("+ Ok")) {
                    Matcher announced = ANNOUNCEMENT_AT_END.matcher(piece);
                    assertThat(announced.find()).as("a continuation follows an announcement: %s", piece).isTrue();
                    assertThat(Long.parseLong(announced.group(1))).as("continued literal size").isLessThanOrEqualTo(PRE_AUTH_LIMIT);
                    assertThat(announced.group(2)).as("no continuation for a non-synchronizing literal").isEmpty();
                }
                if (answer.contains("* BYE Literal")) {
                    assertThat(answer).doesNotContain("+ Ok");
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Commands, some announcing literals of sizes around the limit, the literal bytes sent regardless. */
    private static String script(Random random, int commands, int depth) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands; i++) {
            script.append('t').append(depth).append('x').append(i).append(' ').append(VERBS[random.nextInt(VERBS.length)]);
            if (random.nextInt(4) > 0) {
                int size = literalSize(random);
                script.append(" {").append(size).append(random.nextBoolean() ? "+" : "").append("}\r\n");
                script.append(literalBytes(random, size, depth));
            }
            script.append("\r\n");
        }
        return script.toString();
    }

    private static int literalSize(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextInt(64);
            case 1:
                return (int) PRE_AUTH_LIMIT - 2 + random.nextInt(5);
            case 2:
                return random.nextInt(4 * (int) PRE_AUTH_LIMIT);
            default:
                return 1_000_000 + random.nextInt(Integer.MAX_VALUE - 1_000_000);
        }
    }

    /** Literal content: sometimes commands that announce literals of their own; never more than 64 KB actually sent. */
    private static String literalBytes(Random random, int size, int depth) {
        int sent = Math.min(size, 65_536);
        StringBuilder bytes = new StringBuilder();
        if (depth < 2 && random.nextBoolean()) {
            bytes.append(script(random, 3, depth + 1));
        }
        while (bytes.length() < sent) {
            bytes.append('x');
        }
        return bytes.substring(0, sent);
    }

    /** Splits the stream right after every literal announcement. */
    private static List<String> pieces(String script) {
        List<String> pieces = new ArrayList<>();
        Matcher announcement = ANNOUNCEMENT.matcher(script);
        int start = 0;
        while (announcement.find()) {
            pieces.add(script.substring(start, announcement.end()));
            start = announcement.end();
        }
        pieces.add(script.substring(start));
        return pieces;
    }
}
