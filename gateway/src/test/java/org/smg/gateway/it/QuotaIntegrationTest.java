package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway announces QUOTA (RFC 2087 / 9208), so GETQUOTAROOT, GETQUOTA and SETQUOTA answer as
 * James intends, over the wire. GETQUOTA used to answer {@code NO GETQUOTA processing failed}
 * (a Reactor cancellation interrupted Derby mid-query); it is asked repeatedly here.
 */
class QuotaIntegrationTest {
    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void capabilityShouldAnnounceQuotaAfterLogin() throws Exception {
        try (ImapConversation imap = loggedIn()) {

            List<String> capability = imap.command("c1", "CAPABILITY");

            assertThat(capability).first().asString().startsWith("* CAPABILITY ").contains(" QUOTA");
        }
    }

    @Test
    void getQuotaRootShouldNameTheUserQuotaRootWhenAskedForInbox() throws Exception {
        try (ImapConversation imap = loggedIn()) {

            List<String> reply = imap.command("q1", "GETQUOTAROOT INBOX");

            assertThat(reply).first().isEqualTo("* QUOTAROOT \"INBOX\" " + userQuotaRoot());
            assertThat(reply).last().isEqualTo("q1 OK GETQUOTAROOT completed.");
        }
    }

    @Test
    void getQuotaShouldCompleteEveryTimeWhenAskedForTheUserQuotaRoot() throws Exception {
        try (ImapConversation imap = loggedIn()) {
            for (int i = 0; i < 20; i++) {

                List<String> reply = imap.command("g" + i, "GETQUOTA " + userQuotaRoot());

                assertThat(reply).last().isEqualTo("g" + i + " OK GETQUOTA completed.");
            }
        }
    }

    @Test
    void getQuotaShouldBeRefusedWhenTheQuotaRootBelongsToAnotherUser() throws Exception {
        try (ImapConversation imap = loggedIn()) {

            List<String> reply = imap.command("q1", "GETQUOTA #private&someone.else@example.org");

            assertThat(reply).hasSize(1).first().asString().startsWith("q1 NO GETQUOTA ");
        }
    }

    @Test
    void getQuotaRootShouldBeRefusedWhenTheMailboxDoesNotExist() throws Exception {
        try (ImapConversation imap = loggedIn()) {

            List<String> reply = imap.command("q1", "GETQUOTAROOT NoSuchMailbox");

            assertThat(reply).hasSize(1).first().asString().startsWith("q1 NO GETQUOTAROOT ");
        }
    }

    @Test
    void setQuotaShouldBeRefusedWhenTheUserIsNotAnAdministrator() throws Exception {
        try (ImapConversation imap = loggedIn()) {

            List<String> reply = imap.command("s1", "SETQUOTA " + userQuotaRoot() + " (STORAGE 1)");

            assertThat(reply).hasSize(1).first().asString().startsWith("s1 NO SETQUOTA ");
        }
    }

    private static String userQuotaRoot() {
        return "#private&" + gateway.demoAddress();
    }

    private static ImapConversation loggedIn() throws IOException {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        assertThat(imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword())).last().asString().startsWith("a1 OK");
        return imap;
    }
}
