package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay port with relay.auth=true and relay.requireTls=always: staff AUTH and MAIL only after
 * STARTTLS. (The test gateway listens on loopback, which the default non-loopback rule spares.) AUTH
 * checks relay accounts, a realm of their own: a citizen's password opens nothing here, and a relay
 * account's opens neither IMAP nor submission.
 */
class RelayAuthIntegrationTest {
    private static final String STARTTLS_FIRST = "530 5.7.0 Must issue a STARTTLS command first";
    private static final String RELAY_PASSWORD = "relay-password-of-a-staff-mta-0123";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass()
        .with("relay.auth", "true")
        .with("relay.requireTls", "always");

    @Test
    void authShouldBeRefusedWith530BeforeStartTlsAndAcceptedAfter() throws Exception {
        String name = relayAccount();
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            String clearEhlo = smtp.command("EHLO staff-mta.agency.example");

            String clearPlain = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
            String clearLogin = smtp.command("AUTH LOGIN");
            smtp.startTls();
            String tlsEhlo = smtp.command("EHLO staff-mta.agency.example");
            String tlsLogin = smtp.authLogin(name, RELAY_PASSWORD);

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

            String clearMail = smtp.command("MAIL FROM:<clerk@staff.example>");
            String clearRcpt = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");
            smtp.startTls();
            smtp.command("EHLO staff-mta.agency.example");
            String tlsMail = smtp.command("MAIL FROM:<clerk@staff.example>");
            String tlsRcpt = smtp.command("RCPT TO:<" + gateway.demoAddress() + ">");

            assertThat(clearMail).isEqualTo(STARTTLS_FIRST);
            assertThat(clearRcpt).as("no transaction was opened").startsWith("503 ");
            assertThat(tlsMail).startsWith("250 ");
            assertThat(tlsRcpt).startsWith("250 ");
        }
    }

    @Test
    void authShouldRefuseACitizenOnTheRelayPortAndARelayAccountOnSubmissionAndImap() throws Exception {
        String name = relayAccount();
        String citizenOnRelay;
        String relayOnSubmission;
        java.util.List<String> relayOnImap;

        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.staff.example");
            smtp.startTls();
            smtp.command("EHLO staff-mta.staff.example");
            citizenOnRelay = smtp.authPlain(gateway.demoAddress(), gateway.demoPassword());
        }
        try (SmtpConversation smtp = SmtpConversation.open(gateway.submissionPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.staff.example");
            smtp.startTls();
            smtp.command("EHLO staff-mta.staff.example");
            relayOnSubmission = smtp.authPlain(name, RELAY_PASSWORD);
        }
        try (ImapConversation imap = ImapConversation.openTls(gateway.imapsPort())) {
            relayOnImap = imap.command("a1", "LOGIN \"" + name + "\" \"" + RELAY_PASSWORD + "\"");
        }

        assertThat(citizenOnRelay).startsWith("535 5.7.8");
        assertThat(relayOnSubmission).startsWith("535 5.7.8");
        assertThat(relayOnImap).last().asString().startsWith("a1 NO");
    }

    @Test
    void relayAccountsShouldBeListedWithoutPasswordAndRefusedWhenTheNameOrPasswordBreaksTheRules() throws Exception {
        String name = relayAccount();

        java.net.http.HttpResponse<String> list = WebAdmin.call(gateway, "GET", "/relay-accounts", null);
        java.net.http.HttpResponse<String> shortPassword = WebAdmin.call(gateway, "POST", "/relay-accounts",
            "{\"name\":\"mta-short\",\"password\":\"too-short\"}");
        java.net.http.HttpResponse<String> addressName = WebAdmin.call(gateway, "POST", "/relay-accounts",
            "{\"name\":\"demo@gateway.localhost\",\"password\":\"" + RELAY_PASSWORD + "\"}");
        java.net.http.HttpResponse<String> twice = WebAdmin.call(gateway, "POST", "/relay-accounts",
            "{\"name\":\"" + name + "\",\"password\":\"" + RELAY_PASSWORD + "\"}");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"" + name + "\"").doesNotContain(RELAY_PASSWORD, "pbkdf2");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("'password' must be 16 to 256 characters");
        assertThat(addressName.statusCode()).isEqualTo(400);
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void smgRelayAccountsShouldCreateListChangeAndDeleteAnAccountThatAuthOnTheRelayPortFollows() throws Exception {
        String name = "cli-" + Long.toHexString(System.nanoTime());
        java.nio.file.Path first = passwordFile(RELAY_PASSWORD);
        java.nio.file.Path second = passwordFile("a-second-relay-password-of-the-mta");

        SmgCommand created = SmgCommand.run(gateway, "relay-accounts", "create", name, "--password-file", first.toString());
        SmgCommand listed = SmgCommand.run(gateway, "relay-accounts", "list");
        String firstAuth = relayAuth(name, RELAY_PASSWORD);
        SmgCommand changed = SmgCommand.run(gateway, "relay-accounts", "password", name, "--password-file", second.toString());
        String oldPasswordAuth = relayAuth(name, RELAY_PASSWORD);
        String newPasswordAuth = relayAuth(name, "a-second-relay-password-of-the-mta");
        SmgCommand deleted = SmgCommand.run(gateway, "relay-accounts", "delete", name);
        String deletedAuth = relayAuth(name, "a-second-relay-password-of-the-mta");
        SmgCommand deletedTwice = SmgCommand.run(gateway, "relay-accounts", "delete", name);

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains(name).doesNotContain(RELAY_PASSWORD);
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("NAME").contains(name).doesNotContain(RELAY_PASSWORD, "pbkdf2");
        assertThat(firstAuth).startsWith("235");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("password of relay account " + name + " changed");
        assertThat(oldPasswordAuth).startsWith("535 5.7.8");
        assertThat(newPasswordAuth).startsWith("235");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deletedAuth).startsWith("535 5.7.8");
        assertThat(deletedTwice.code()).isNotZero();
        assertThat(deletedTwice.err()).contains("no relay account named '" + name + "'");
    }

    /** AUTH PLAIN after STARTTLS on the relay port: the reply. */
    private static String relayAuth(String name, String password) throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.staff.example");
            smtp.startTls();
            smtp.command("EHLO staff-mta.staff.example");
            return smtp.authPlain(name, password);
        }
    }

    private static java.nio.file.Path passwordFile(String password) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("relay-password-", ".txt");
        file.toFile().deleteOnExit();
        java.nio.file.Files.writeString(file, password + "\n");
        return file;
    }

    private static String relayAccount() throws Exception {
        String name = "mta-" + Long.toHexString(System.nanoTime());
        java.net.http.HttpResponse<String> created = WebAdmin.call(gateway, "POST", "/relay-accounts",
            "{\"name\":\"" + name + "\",\"password\":\"" + RELAY_PASSWORD + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }
}
