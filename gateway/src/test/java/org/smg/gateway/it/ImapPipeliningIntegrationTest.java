package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pipelined IMAP commands are each answered whole and in order: a response that announces a
 * literal is followed by its bytes, and every command gets its tagged answer, however deep the
 * client pipelines on one connection.
 */
class ImapPipeliningIntegrationTest {
    static final int MESSAGES = 1000;
    private static final int APPEND_WINDOW = 20;
    private static final Pattern UID = Pattern.compile("UID (\\d+)");
    private static final Pattern BODY = Pattern.compile("BODY\\[] \\{(\\d+)}\r\n");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @BeforeAll
    static void fillInbox() throws IOException {
        try (ImapConversation imap = login()) {
            for (int first = 1; first <= MESSAGES; first += APPEND_WINDOW) {
                StringBuilder window = new StringBuilder();
                int last = Math.min(MESSAGES, first + APPEND_WINDOW - 1);
                for (int n = first; n <= last; n++) {
                    String message = message(n);
                    window.append("ap").append(n).append(" APPEND INBOX {").append(message.length()).append("+}\r\n")
                        .append(message).append("\r\n");
                }
                imap.send(window.toString());
                assertThat(imap.linesUntilTagged("ap" + last)).last().asString().startsWith("ap" + last + " OK");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 500})
    void pipelinedFetchesShouldEachBeAnsweredWholeWhenDepthIs(int depth) throws IOException {
        try (ImapConversation imap = login()) {
            imap.command("s", "EXAMINE INBOX");
            StringBuilder pipeline = new StringBuilder();
            for (int uid = 1; uid <= depth; uid++) {
                pipeline.append('f').append(uid).append(" UID FETCH ").append(uid).append(" BODY.PEEK[]\r\n");
            }

            imap.send(pipeline.toString());
            List<String> bodies = new ArrayList<>();
            List<String> tagged = new ArrayList<>();
            while (tagged.size() < depth) {
                String response = imap.readResponse();
                if (response == null) {
                    break;
                }
                if (response.startsWith("* ") && response.contains(" FETCH ")) {
                    bodies.add(uidAndBody(response));
                } else if (response.startsWith("f")) {
                    tagged.add(response);
                }
            }

            assertThat(tagged).hasSize(depth).allSatisfy(answer -> assertThat(answer).matches("f\\d+ OK .*"));
            assertThat(tagged.get(depth - 1)).startsWith("f" + depth + " ");
            List<String> expected = new ArrayList<>();
            for (int uid = 1; uid <= depth; uid++) {
                expected.add(uid + ":" + message(uid));
            }
            assertThat(bodies).containsExactlyElementsOf(expected);
        }
    }

    static ImapConversation login() throws IOException {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("l", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword())).last().asString().startsWith("l OK");
        return imap;
    }

    /** A small message (about 3 KB) that names its number in its header and body. */
    static String message(int n) {
        StringBuilder message = new StringBuilder()
            .append("From: sender@example.org\r\n")
            .append("Subject: pipelined message ").append(n).append("\r\n")
            .append("Message-ID: <pipelined-").append(n).append("@example.org>\r\n")
            .append("\r\n");
        for (int line = 0; line < 40; line++) {
            message.append("message ").append(n).append(" line ").append(line).append(' ').append("z".repeat(56)).append("\r\n");
        }
        return message.toString();
    }

    /** "uid:body" of an untagged FETCH response carrying UID and BODY[]. */
    private static String uidAndBody(String response) {
        Matcher uid = UID.matcher(response);
        Matcher body = BODY.matcher(response);
        assertThat(uid.find()).as("UID in %s", response.lines().findFirst().orElse("")).isTrue();
        assertThat(body.find()).as("BODY[] literal in %s", response.lines().findFirst().orElse("")).isTrue();
        int size = Integer.parseInt(body.group(1));
        return uid.group(1) + ":" + response.substring(body.end(), body.end() + size);
    }
}
