package org.smg.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The command line without a gateway: help and usage errors (exit 2), decided before anything is called. */
class SmgTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runShouldPrintEveryCommandWhenHelpIsAsked() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out()).contains("invitations create", "accounts password-reset", "audit verify", "admins revoke", "SMG_ADMIN_TOKEN");
    }

    @Test
    void runShouldPrintTheCommandsOptionsWhenHelpFollowsACommand() {
        int code = run("invitations", "create", "--help");

        assertThat(code).isZero();
        assertThat(out()).startsWith("usage: smg invitations create").contains("--email EMAIL", "[--ein EIN]", "[--entity-name ENTITY_NAME]");
    }

    @Test
    void runShouldExitWithTwoWhenTheCommandIsUnknown() {
        int code = run("accounts", "delete", "jane@gw");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("smg: unknown command 'accounts delete'").contains("commands:");
    }

    @Test
    void runShouldExitWithTwoWhenARequiredOptionIsMissing() {
        int code = run("invitations", "create", "--program", "ECO", "--email", "jane@example.net");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("smg: --name is required").contains("usage: smg invitations create");
    }

    @Test
    void runShouldExitWithTwoWhenAnOptionIsUnknownOrAnArgumentIsMissing() {
        assertThat(run("accounts", "list", "--status", "active")).isEqualTo(2);
        assertThat(run("accounts", "suspend")).isEqualTo(2);
        assertThat(run("admins", "list", "extra")).isEqualTo(2);
        assertThat(err()).contains("unknown option --status", "expected ADDRESS", "unexpected argument 'extra'");
    }

    @Test
    void runShouldListTheQuarantineCommandsAndExitWithTwoWhenTheIdIsMissing() {
        int help = run("--help");
        int missing = run("quarantine", "release");

        assertThat(help).isZero();
        assertThat(out()).contains("quarantine list", "quarantine show", "quarantine content", "quarantine release", "quarantine delete");
        assertThat(missing).isEqualTo(2);
        assertThat(err()).contains("expected ID", "usage: smg quarantine release ID");
    }

    @Test
    void runShouldListTheRelayAccountCommandsAndRequireAPasswordFileNeverAPasswordArgument() {
        int help = run("--help");
        int missingFile = run("relay-accounts", "create", "staff-mta-1");
        int passwordOption = run("relay-accounts", "password", "staff-mta-1", "--password", "secret-on-the-command-line");
        int missingName = run("relay-accounts", "delete");

        assertThat(help).isZero();
        assertThat(out()).contains("relay-accounts list", "relay-accounts create", "relay-accounts password", "relay-accounts delete");
        assertThat(missingFile).isEqualTo(2);
        assertThat(passwordOption).isEqualTo(2);
        assertThat(missingName).isEqualTo(2);
        assertThat(err()).contains("--password-file is required", "unknown option --password", "expected NAME")
            .doesNotContain("secret-on-the-command-line");
    }

    @Test
    void runShouldListTheRecordsCommandsAndExitWithTwoWhenTheAddressIsMissing() {
        int help = run("--help");
        int missing = run("records", "export");
        int badOption = run("records", "list", "jane@gw", "--since", "2024-05-01");

        assertThat(help).isZero();
        assertThat(out()).contains("records list", "records content", "records export", "records restore", "records hold",
            "records release", "records hold-program", "records release-program", "records holds");
        assertThat(missing).isEqualTo(2);
        assertThat(badOption).isEqualTo(2);
        assertThat(err()).contains("expected ADDRESS", "usage: smg records export ADDRESS", "unknown option --since");
    }

    @Test
    void runShouldExitWithOneAndNameTheFileWhenTheConfigurationIsMissing() {
        int code = run("--conf", "/nonexistent-smg-conf", "accounts", "list");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("/nonexistent-smg-conf");
    }

    private int run(String... args) {
        return Smg.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
