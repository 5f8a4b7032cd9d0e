package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new terms version in programs.yaml gates IMAP and SMTP until the citizen accepts it on the web:
 * the demo citizen accepted ECO terms "1", the gateway restarts with version "2", and the right
 * password is answered with where to accept them.
 */
class TermsGateIntegrationTest {
    @TempDir
    Path root;

    @Test
    void loginsShouldBeRefusedNamingTheTermsPageWhenTheTermsVersionChangedAfterAcceptance() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        gateway.stop();
        Path programs = root.resolve("conf/policies/programs.yaml");
        String yaml = Files.readString(programs);
        Files.writeString(programs, yaml.replaceFirst("version: \"1\"", "version: \"2\""));

        List<String> login;
        List<String> select;
        String auth;
        String mail;
        gateway.withoutDemo().start();
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
             SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            login = imap.command("a1", "LOGIN \"" + gateway.demoAddress() + "\" \"" + gateway.demoPassword() + "\"");
            select = imap.command("a2", "SELECT INBOX");
            smtp.reply();
            smtp.command("EHLO client.test");
            smtp.startTls();
            smtp.command("EHLO client.test");
            auth = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            mail = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
        } finally {
            gateway.stop();
        }

        String explanation = "Accept the current Terms of Service at https://localhost:" + gateway.port("web.port") + "/terms"
            + " before using this mailbox";
        assertThat(yaml).contains("version: \"1\"");
        assertThat(login).last().isEqualTo("a1 NO [AUTHORIZATIONFAILED] " + explanation);
        assertThat(select).last().isEqualTo("a2 NO SELECT failed. Command not valid in this state.");
        assertThat(auth).isEqualTo("535 5.7.8 " + explanation);
        assertThat(mail).startsWith("530");
    }
}
