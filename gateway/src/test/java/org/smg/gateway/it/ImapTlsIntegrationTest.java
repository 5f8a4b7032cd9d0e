package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On the plain IMAP port, passwords travel only after STARTTLS. */
class ImapTlsIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void capabilityShouldAdvertiseLoginDisabledWhenTlsIsNotStarted() throws Exception {
        try (ImapConversation imap = ImapConversation.open(gateway.imapPort())) {

            List<String> capability = imap.command("a1", "CAPABILITY");

            assertThat(capability.get(0)).startsWith("* CAPABILITY").contains(" LOGINDISABLED").contains(" STARTTLS");
            assertThat(capability.get(1)).startsWith("a1 OK");
        }
    }

    @Test
    void loginShouldBeRefusedWhenTlsIsNotStarted() throws Exception {
        try (ImapConversation imap = ImapConversation.open(gateway.imapPort())) {

            List<String> login = imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword());

            assertThat(login).last().asString().startsWith("a1 NO ");
        }
    }

    @Test
    void authenticatePlainShouldBeRefusedWhenTlsIsNotStarted() throws Exception {
        String credentials = "\0" + gateway.demoAddress() + "\0" + gateway.demoPassword();
        try (ImapConversation imap = ImapConversation.open(gateway.imapPort())) {

            List<String> authenticate = imap.command("a1", "AUTHENTICATE PLAIN "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));

            assertThat(authenticate).last().asString().startsWith("a1 NO ");
        }
    }

    @Test
    void loginShouldSucceedWhenTlsIsStarted() throws Exception {
        try (ImapConversation imap = ImapConversation.open(gateway.imapPort())) {

            String startTls = imap.startTls();
            List<String> capability = imap.command("a1", "CAPABILITY");
            List<String> login = imap.command("a2", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword());

            assertThat(startTls).startsWith("tls OK");
            assertThat(capability.get(0)).doesNotContain("LOGINDISABLED").doesNotContain("STARTTLS");
            assertThat(login).last().asString().startsWith("a2 OK");
        }
    }
}
