package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With less free space on the data directory's disk than {@code storage.minFreeSpace} (here more than any disk
 * has), every SMTP port refuses new mail at MAIL with {@code 452 4.3.1}, a temporary refusal the sender retries.
 */
class FreeSpaceGuardIntegrationTest {
    private static final String INSUFFICIENT = "452 4.3.1 Insufficient system storage; try again later";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass().with("storage.minFreeSpace", "1000000G");

    @Test
    void relayMailShouldBeRefusedWith452WhenFreeSpaceIsBelowTheMinimum() throws Exception {
        String reply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");

            reply = smtp.command("MAIL FROM:<clerk@staff.example>");
        }

        assertThat(reply).isEqualTo(INSUFFICIENT);
    }

    @Test
    void submissionMailShouldBeRefusedWith452WhenFreeSpaceIsBelowTheMinimum() throws Exception {
        String reply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO client.example");
            smtp.startTls();
            smtp.command("EHLO client.example");
            assertThat(smtp.authPlain(gateway.demoAddress(), gateway.demoPassword())).startsWith("235");

            reply = smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
        }

        assertThat(reply).isEqualTo(INSUFFICIENT);
    }
}
