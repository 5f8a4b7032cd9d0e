package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay port with relay.auth=true and relay.requireTls=always: staff AUTH and MAIL only after
 * STARTTLS. (The test gateway listens on loopback, which the default non-loopback rule spares.)
 */
class RelayAuthIntegrationTest {
    private static final String STARTTLS_FIRST = "530 5.7.0 Must issue a STARTTLS command first";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
        .with("relay.auth", "true")
        .with("relay.requireTls", "always");

    @Test
    void authShouldBeRefusedWith530BeforeStartTlsAndAcceptedAfter() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            String clearEhlo = smtp.command("EHLO staff-mta.agency.example");

            String clearPlain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String clearLogin = smtp.command("AUTH LOGIN");
            smtp.startTls();
            String tlsEhlo = smtp.command("EHLO staff-mta.agency.example");
            String tlsLogin = smtp.authLogin(gateway.demoAddress(), gateway.demoPassword());

            assertThat(clearEhlo).doesNotContain("AUTH");
            assertThat(clearPlain).isEqualTo(STARTTLS_FIRST);
            assertThat(clearLogin).isEqualTo(STARTTLS_FIRST);
            assertThat(tlsEhlo).contains("AUTH LOGIN PLAIN");
            assertThat(tlsLogin).startsWith("235 ");
        }
    }

    @Test
    void mailFromShouldBeRefusedWith530BeforeStartTlsAndAcceptedAfter() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");

            String clearMail = smtp.command("MAIL FROM:<clerk@agency.example>");
            String clearRcpt = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");
            smtp.startTls();
            smtp.command("EHLO staff-mta.agency.example");
            String tlsMail = smtp.command("MAIL FROM:<clerk@agency.example>");
            String tlsRcpt = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");

            assertThat(clearMail).isEqualTo(STARTTLS_FIRST);
            assertThat(clearRcpt).as("no transaction was opened").startsWith("503 ");
            assertThat(tlsMail).startsWith("250 ");
            assertThat(tlsRcpt).startsWith("250 ");
        }
    }
}
