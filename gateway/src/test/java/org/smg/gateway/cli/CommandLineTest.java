package org.smg.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void parseShouldSeparateWordsOptionsAndGlobalFlagsWhenTheyAreMixed() throws Exception {
        CommandLine line = CommandLine.parse(List.of("--json", "invitations", "create", "--program", "ECO", "--email=jane@example.net",
            "--name", "Jane Doe", "--conf", "/etc/smg/conf"));

        assertThat(line.words()).containsExactly("invitations", "create");
        assertThat(line.options()).containsEntry("program", "ECO").containsEntry("email", "jane@example.net")
            .containsEntry("name", "Jane Doe").doesNotContainKey("conf");
        assertThat(line.json()).isTrue();
        assertThat(line.conf()).contains("/etc/smg/conf");
        assertThat(line.tokenFile()).isEmpty();
    }

    @Test
    void parseShouldTakeEverythingAfterDoubleDashAsArgumentsWhenANameStartsWithDashes() throws Exception {
        CommandLine line = CommandLine.parse(List.of("accounts", "show", "--", "--odd@gateway.localhost"));

        assertThat(line.words()).containsExactly("accounts", "show", "--odd@gateway.localhost");
    }

    @Test
    void parseShouldRefuseWhenAnOptionHasNoValue() {
        UsageException error = catchThrowableOfType(() -> CommandLine.parse(List.of("invitations", "list", "--state")), UsageException.class);

        assertThat(error).hasMessage("--state needs a value");
    }

    @Test
    void parseShouldRefuseWhenAnOptionIsGivenTwice() {
        UsageException error = catchThrowableOfType(() -> CommandLine.parse(List.of("audit", "query", "--from", "a", "--from", "b")),
            UsageException.class);

        assertThat(error).hasMessage("--from is given twice");
    }

    @Test
    void parseShouldRefuseWhenAFlagIsGivenAValue() {
        UsageException error = catchThrowableOfType(() -> CommandLine.parse(List.of("accounts", "list", "--json=yes")), UsageException.class);

        assertThat(error).hasMessage("--json takes no value");
    }
}
