package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pipelined IMAP commands are each answered whole and in order: a response that announces a
 * literal is followed by its bytes, and every command gets its tagged answer, however deep the
 * client pipelines on one connection.
 */
class ImapPipeliningIntegrationTest {
    static final int MESSAGES = 1000;
    /** Divides every copy's size, so message UID u is always a copy of original ((u - 1) % ORIGINALS) + 1. */
    private static final int ORIGINALS = 10;
    private static final Pattern UID = Pattern.compile("UID (\\d+)");
    private static final Pattern BODY = Pattern.compile("BODY\\[] \\{(\\d+)}\r\n");

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    /** {@value #ORIGINALS} appended messages, then copied onto themselves until the INBOX holds {@value #MESSAGES} (copying is the fastest way in). */
    @BeforeAll
    static void fillInbox() throws IOException {
        try (ImapConversation imap = login()) {
            StringBuilder appends = new StringBuilder();
            for (int n = 1; n <= ORIGINALS; n++) {
                String message = message(n);
                appends.append("ap").append(n).append(" APPEND INBOX {").append(message.length()).append("+}\r\n").append(message).append("\r\n");
            }
            imap.send(appends.toString());
            assertThat(imap.linesUntilTagged("ap" + ORIGINALS)).last().asString().startsWith("ap" + ORIGINALS + " OK");
            imap.command("s", "SELECT INBOX");
            for (int count = ORIGINALS; count < MESSAGES; count += Math.min(count, MESSAGES - count)) {
                String copy = "COPY 1:" + Math.min(count, MESSAGES - count) + " INBOX";
                assertThat(imap.command("c" + count, copy)).last().asString().startsWith("c" + count + " OK");
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
                expected.add(uid + ":" + message((uid - 1) % ORIGINALS + 1));
            }
            assertThat(bodies).containsExactlyElementsOf(expected);
        }
    }

    /** mbsync (isync), a client that pipelines its FETCH commands, mirrors the whole INBOX into a Maildir. */
    @Test
    void mbsyncShouldMirrorWholeInbox(@TempDir Path directory) throws Exception {
        Path certificate = directory.resolve("gateway.pem");
        Files.writeString(certificate, serverCertificatePem());
        Files.createDirectories(directory.resolve("mail"));
        Path configuration = directory.resolve("mbsyncrc");
        Files.writeString(configuration, String.join("\n",
            "IMAPAccount gateway",
            "Host 127.0.0.1",
            "Port " + gateway.imapsPort(),
            "User " + gateway.demoAddress(),
            "Pass \"" + gateway.demoPassword() + "\"",
            "SSLType IMAPS",
            "CertificateFile " + certificate,
            "AuthMechs LOGIN",
            "",
            "IMAPStore gateway-inbox",
            "Account gateway",
            "",
            "MaildirStore local",
            "Path " + directory.resolve("mail") + "/",
            "Inbox " + directory.resolve("mail").resolve("INBOX"),
            "",
            "Channel inbox",
            "Far :gateway-inbox:INBOX",
            "Near :local:INBOX",
            "Create Near",
            "Sync Pull",
            "SyncState *",
            ""));

        Process mbsync = new ProcessBuilder("mbsync", "-c", configuration.toString(), "inbox")
            .redirectErrorStream(true).redirectOutput(directory.resolve("mbsync.log").toFile()).start();
        boolean finished = mbsync.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            mbsync.destroyForcibly();
        }

        String log = Files.readString(directory.resolve("mbsync.log"));
        assertThat(finished).as("mbsync finished within 120 s: %s", log).isTrue();
        assertThat(mbsync.exitValue()).as("mbsync exit code; its output: %s", log).isZero();
        assertThat(maildirFiles(directory.resolve("mail").resolve("INBOX"))).isEqualTo(MESSAGES);
    }

    private static long maildirFiles(Path maildir) throws IOException {
        long count = 0;
        for (String folder : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(folder))) {
                count += files.count();
            }
        }
        return count;
    }

    /** The gateway's (self-signed) certificate as PEM, as it presents it: what mbsync is told to trust. */
    private static String serverCertificatePem() throws IOException, CertificateEncodingException {
        try (SSLSocket socket = TrustAll.connect(gateway.imapsPort())) {
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
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
