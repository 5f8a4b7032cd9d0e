package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CVE-2024-37358: James 3.8.1 would accept any literal size a client announces, before login too.
 * The gateway's literal gate cuts such clients off ({@code * BYE}, connection closed) where James's
 * parser would read the literal: before any continuation, before James buffers anything.
 */
class LiteralGateIntegrationTest {
    private static final long MB = 1024 * 1024;

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
            .with("limits.imap.literalsPerCommand", "3")
            .with("limits.imap.literalSize", "1M")
            ;

    @Test
    void connectionShouldBeCutOffWithoutMemoryGrowthWhenPreAuthLiteralIs2Gb() throws Exception {
        try (ImapConversation warmUp = ImapConversation.openTls(gateway.imapsPort())) {
            warmUp.command("a0", "CAPABILITY");
        }
        long rssBefore = residentSetBytes();
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {

            imap.send("a1 LOGIN {2147483648}\r\n");
            String reply = imap.readLine();
            long written = imap.streamUntilRefused(64 * MB);
            List<String> rest = imap.linesUntilClosed();

            assertThat(reply).isEqualTo("* BYE Literal of 2147483648 bytes exceeds the limit of 8192 bytes before login");
            assertThat(written).as("bytes written before the gateway's close stopped the client").isLessThan(16 * MB);
            assertThat(rest).isEmpty();
        }
        assertThat(residentSetBytes() - rssBefore).as("growth of the gateway's resident memory").isLessThan(64 * MB);
    }

    @Test
    void connectionShouldBeCutOffWhenPreAuthNonSynchronizingLiteralIs2Gb() throws Exception {
        try (ImapConversation imap = ImapConversation.open(gateway.imapPort())) {

            imap.send("a1 LOGIN {2147483648+}\r\n");
            long written = imap.streamUntilRefused(64 * MB);
            List<String> lines = imap.linesUntilClosed();

            assertThat(lines).containsExactly("* BYE Literal of 2147483648 bytes exceeds the limit of 8192 bytes before login");
            assertThat(written).isLessThan(16 * MB);
        }
    }

    @Test
    void connectionShouldBeCutOffWhenPreAuthLiteralIsModeratelyOversized() throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {

            imap.send("a1 LOGIN {102400}\r\n");
            List<String> lines = imap.linesUntilClosed();

            assertThat(lines).containsExactly("* BYE Literal of 102400 bytes exceeds the limit of 8192 bytes before login");
        }
    }

    @Test
    void loginShouldSucceedWhenPasswordIsASmallLiteral() throws Exception {
        byte[] password = gateway.demoPassword().getBytes(StandardCharsets.UTF_8);
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {

            imap.send("a1 LOGIN " + gateway.demoAddress() + " {" + password.length + "}\r\n");
            String continuation = imap.readLine();
            imap.send(gateway.demoPassword() + "\r\n");
            List<String> login = imap.linesUntilTagged("a1");

            assertThat(continuation).startsWith("+");
            assertThat(login).last().asString().startsWith("a1 OK");
        }
    }

    @Test
    void connectionShouldBeCutOffWhenCommandHasMoreLiteralsThanAllowed() throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.send(literalPlus("a1 LOGIN ", gateway.demoAddress(), " ", gateway.demoPassword(), ""));
            assertThat(imap.linesUntilTagged("a1")).last().asString().startsWith("a1 OK");
            assertThat(imap.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");

            imap.send(literalPlus("a3 SEARCH HEADER ", "Subject", " ", "a", " BODY ", "b", ""));
            List<String> threeLiterals = imap.linesUntilTagged("a3");
            imap.send(literalPlus("a4 SEARCH HEADER ", "Subject", " ", "a", " HEADER ", "From", " ", "b", ""));
            List<String> fourLiterals = imap.linesUntilClosed();

            assertThat(threeLiterals).last().asString().startsWith("a3 OK");
            assertThat(fourLiterals).containsExactly("* BYE Too many literals in one command (limit 3)");
        }
    }

    @Test
    void appendShouldAcceptLiteralAbovePreAuthLimitAndCutOffAboveLiteralLimitWhenAuthenticated() throws Exception {
        String message = "Subject: appended\r\n\r\n" + "x".repeat(20_000) + "\r\n";
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword());

            imap.send("a2 APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            List<String> append = imap.linesUntilTagged("a2");
            imap.send("a3 APPEND INBOX {2097152+}\r\n");
            List<String> oversized = imap.linesUntilClosed();

            assertThat(append).last().asString().startsWith("a2 OK [APPENDUID");
            assertThat(oversized).containsExactly("* BYE Literal of 2097152 bytes exceeds the limit of 1048576 bytes");
        }
    }

    @Test
    void connectionShouldBeCutOffWithoutMemoryGrowthWhenOversizedLiteralHidesInLiteralJamesNeverRead() throws Exception {
        String hidden = "a2 LOGIN {52428800}\r\n";
        long rssBefore = residentSetBytes();
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {

            imap.send("a1 SELECT {8000}\r\n");
            String select = imap.readLine();
            imap.send(hidden + "x".repeat(8000 - hidden.length()));
            long written = imap.streamUntilRefused(50 * MB);
            List<String> rest = imap.linesUntilClosed();

            assertThat(select).startsWith("a1 NO");
            assertThat(rest).containsExactly("* BYE Literal of 52428800 bytes exceeds the limit of 8192 bytes before login");
            assertThat(written).isLessThan(16 * MB);
        }
        assertThat(residentSetBytes() - rssBefore).as("growth of the gateway's resident memory").isLessThan(64 * MB);
    }

    @Test
    void commandsShouldBeAnsweredInOrderWhenInvalidInStateCommandsWithLiteralsAreInterleaved() throws Exception {
        byte[] password = gateway.demoPassword().getBytes(StandardCharsets.UTF_8);
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            for (int i = 0; i < 5; i++) {

                imap.send("s" + i + " SELECT {" + (8000 + i) + "}\r\n");
                String select = imap.readLine();
                imap.send("c" + i + " STATUS {" + (100 + i) + "}\r\n");
                String status = imap.readLine();
                List<String> noop = imap.command("n" + i, "NOOP");

                assertThat(select).startsWith("s" + i + " NO");
                assertThat(status).startsWith("c" + i + " NO");
                assertThat(noop).last().asString().startsWith("n" + i + " OK");
            }

            imap.send("a1 LOGIN " + gateway.demoAddress() + " {" + password.length + "}\r\n");
            String continuation = imap.readLine();
            imap.send(gateway.demoPassword() + "\r\n");
            List<String> login = imap.linesUntilTagged("a1");
            List<String> select = imap.command("a2", "SELECT INBOX");

            assertThat(continuation).startsWith("+");
            assertThat(login).last().asString().startsWith("a1 OK");
            assertThat(select).last().asString().startsWith("a2 OK");
        }
    }

    /**
     * Random commands announcing literals of random sizes before login: the gateway answers each
     * announcement with a continuation only when the literal is within the pre-auth limit.
     */
    @Test
    void continuationShouldNeverAnswerLiteralAbovePreAuthLimitWhenCommandsAreRandom() throws Exception {
        String[] verbs = {"LOGIN nosuchuser", "SELECT", "EXAMINE", "STATUS", "CREATE", "DELETE", "APPEND INBOX", "SUBSCRIBE"};
        Random random = new Random(37358);
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        try {
            for (int i = 0; i < 150; i++) {
                int size = random.nextBoolean() ? 8192 - 8 + random.nextInt(16) : random.nextInt(200_000);
                String verb = verbs[random.nextInt(verbs.length)];

                imap.send("t" + i + " " + verb + " {" + size + "}\r\n");
                String answer = imap.readLine();

                if (answer != null && answer.startsWith("+")) {
                    assertThat(size).as("size of a continued literal").isLessThanOrEqualTo(8192);
                    imap.send("p".repeat(size) + "\r\n");
                    assertThat(imap.linesUntilTagged("t" + i)).last().asString().startsWith("t" + i + " ");
                } else if (answer != null && answer.startsWith("* BYE")) {
                    assertThat(size).as("size of a refused literal").isGreaterThan(8192);
                    assertThat(imap.linesUntilClosed()).isEmpty();
                    imap.close();
                    imap = ImapConversation.openTls(gateway.imapsPort());
                } else {
                    assertThat(answer).as("answer to %s {%s}", verb, size).startsWith("t" + i + " NO");
                }
            }
        } finally {
            imap.close();
        }
    }

    /** Builds a command from parts that alternate text, literal, text, ...; each literal is sent as {n+} (LITERAL+). */
    private static String literalPlus(String... parts) {
        StringBuilder command = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                command.append(parts[i]);
            } else {
                command.append('{').append(parts[i].getBytes(StandardCharsets.UTF_8).length).append("+}\r\n").append(parts[i]);
            }
        }
        return command.append("\r\n").toString();
    }

    private static long residentSetBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + gateway.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for the gateway process " + gateway.pid());
    }
}
