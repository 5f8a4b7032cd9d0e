package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James 3.8.1 announces RFC 8514 SAVEDATE, but its JPA mailbox does not store save dates: FETCH
 * answered {@code SAVEDATE NIL} and SEARCH SAVEDSINCE matched nothing. The gateway announces no
 * SAVEDATE, and a client that uses it anyway gets a {@code BAD} that says why. The same holds for
 * the other commands James's own test scripts exercise but the gateway does not offer (XLIST,
 * REPLACE): not announced, and refused when sent anyway.
 */
class SaveDateIntegrationTest {
    private static final String MESSAGE = "Subject: save date\r\n\r\nbody\r\n";
    private static final String REFUSAL = "SAVEDATE is not supported: this server does not record when a message was saved.";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @Test
    void capabilityShouldNotAnnounceSaveDateBeforeOrAfterLogin() throws Exception {
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {

            List<String> beforeLogin = imap.command("a1", "CAPABILITY");
            imap.command("a2", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword());
            List<String> afterLogin = imap.command("a3", "CAPABILITY");

            assertThat(beforeLogin).first().asString().startsWith("* CAPABILITY ").contains(" IMAP4REV1 ").doesNotContain("SAVEDATE");
            assertThat(afterLogin).first().asString().startsWith("* CAPABILITY ").contains(" IMAP4REV1 ").doesNotContain("SAVEDATE");
        }
    }

    @Test
    void fetchShouldBeRefusedWhenSaveDateIsAsked() throws Exception {
        try (ImapConversation imap = selectedInboxWithOneMessage()) {

            List<String> fetch = imap.command("f1", "FETCH 1 (FLAGS SAVEDATE)");
            List<String> uidFetch = imap.command("f2", "UID FETCH 1:* (SAVEDATE)");

            assertThat(fetch).containsExactly("f1 BAD FETCH " + REFUSAL);
            assertThat(uidFetch).containsExactly("f2 BAD FETCH " + REFUSAL);
        }
    }

    @Test
    void searchShouldBeRefusedWhenASaveDateKeyIsUsedEvenNestedInOrAndNot() throws Exception {
        try (ImapConversation imap = selectedInboxWithOneMessage()) {

            List<String> since = imap.command("s1", "SEARCH SAVEDSINCE 1-Jan-2000");
            List<String> nested = imap.command("s2", "UID SEARCH OR SEEN NOT SAVEDBEFORE 1-Jan-2000");
            List<String> on = imap.command("s3", "SEARCH SAVEDON 1-Jan-2000");
            List<String> supported = imap.command("s4", "SEARCH SAVEDATESUPPORTED");

            assertThat(since).containsExactly("s1 BAD SEARCH " + REFUSAL);
            assertThat(nested).containsExactly("s2 BAD SEARCH " + REFUSAL);
            assertThat(on).containsExactly("s3 BAD SEARCH " + REFUSAL);
            assertThat(supported).containsExactly("s4 BAD SEARCH " + REFUSAL);
        }
    }

    @Test
    void fetchAndSearchShouldStillAnswerWhenNoSaveDateIsAsked() throws Exception {
        try (ImapConversation imap = selectedInboxWithOneMessage()) {

            List<String> fetch = imap.command("f1", "FETCH 1 (INTERNALDATE)");
            List<String> search = imap.command("s1", "SEARCH SINCE 1-Jan-2000");

            assertThat(fetch).first().asString().startsWith("* 1 FETCH (INTERNALDATE ");
            assertThat(fetch).last().asString().startsWith("f1 OK");
            assertThat(search).first().asString().startsWith("* SEARCH 1");
            assertThat(search).last().asString().startsWith("s1 OK");
        }
    }

    @Test
    void xlistAndReplaceShouldBeRefusedWhenSentThoughNotAnnounced() throws Exception {
        try (ImapConversation imap = selectedInboxWithOneMessage()) {
            List<String> before = imap.command("c0", "STATUS INBOX (MESSAGES)");

            List<String> capability = imap.command("c1", "CAPABILITY");
            List<String> xlist = imap.command("x1", "XLIST \"\" \"*\"");
            List<String> replace = imap.command("r1", "REPLACE 1 INBOX \"body\"");
            List<String> after = imap.command("c2", "STATUS INBOX (MESSAGES)");

            assertThat(capability.get(0)).doesNotContain("XLIST").doesNotContain("REPLACE");
            assertThat(xlist).last().asString().matches("x1 (NO|BAD) .*");
            assertThat(replace).last().asString().matches("r1 (NO|BAD) .*");
            assertThat(after.get(0)).isEqualTo(before.get(0));
        }
    }

    /** A logged-in connection with INBOX selected, holding (at least) one appended message. */
    private static ImapConversation selectedInboxWithOneMessage() throws IOException {
        ImapConversation imap = ImapConversation.openTls(gateway.imapsPort());
        imap.command("a1", "LOGIN " + gateway.demoAddress() + " " + gateway.demoPassword());
        imap.send("a2 APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE + "\r\n");
        assertThat(imap.linesUntilTagged("a2")).last().asString().startsWith("a2 OK");
        assertThat(imap.command("a3", "SELECT INBOX")).last().asString().startsWith("a3 OK");
        return imap;
    }
}
