package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smg.policies.settings.SettingsException;

class NotificationsFileTest {

    /** One valid notification policy; line numbers matter to the tests. */
    static final String NOTIFICATIONS = String.join("\n",
            "sender: notify@gateway.example",               // 1
            "interval: 15m",                                // 2
            "mode: link",                                   // 3
            "subject: New secure message from {programName}", // 4
            "text: |",                                      // 5
            "  A message is waiting for you.",              // 6
            "  Sign in at {signInUrl}",                     // 7
            "");

    private static final String PLACEHOLDERS_NOTE = " (nothing of the message itself may appear in a notification)";

    @TempDir
    Path directory;

    private void withNotifications(String yaml) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        PolicyDirectories.withFile(directory, "notifications.yaml", yaml);
    }

    private static String notificationsWith(String find, String replacement) {
        if (!NOTIFICATIONS.contains(find)) {
            throw new IllegalArgumentException("not in the template: " + find);
        }
        return NOTIFICATIONS.replace(find, replacement);
    }

    @Test
    void loadShouldKeepSenderIntervalModeAndTemplateWhenTheFileIsValid() throws SettingsException {
        withNotifications(NOTIFICATIONS);

        NotificationPolicy policy = PolicyDirectories.loadForGateway(directory).notifications();

        assertThat(policy.sender()).contains("notify@gateway.example");
        assertThat(policy.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.mode()).isEqualTo(NotificationMode.LINK);
        assertThat(policy.template().subject()).isEqualTo("New secure message from {programName}");
    }

    @Test
    void loadShouldUseTheBuiltInLinkNotificationEveryFifteenMinutesWhenTheFileIsAbsent() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        NotificationPolicy policy = PolicyLoader.load(directory).notifications();

        assertThat(policy).isSameAs(NotificationPolicy.defaults());
        assertThat(policy.sender()).isEmpty();
        assertThat(policy.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.mode()).isEqualTo(NotificationMode.LINK);
        assertThat(policy.template().hasSignInLink()).isTrue();
    }

    @Test
    void loadShouldUseFifteenMinutesLinkModeAndTheDefaultSenderWhenLeftOut() throws SettingsException {
        withNotifications(NOTIFICATIONS.replace("sender: notify@gateway.example\n", "")
                .replace("interval: 15m\n", "").replace("mode: link\n", ""));

        NotificationPolicy policy = PolicyLoader.load(directory).notifications();

        assertThat(policy.sender()).isEmpty();
        assertThat(policy.interval()).isEqualTo(NotificationPolicy.DEFAULT_INTERVAL);
        assertThat(policy.mode()).isEqualTo(NotificationMode.LINK);
    }

    @Test
    void loadShouldAcceptNoLinkModeWithATextThatHasNoLink() throws SettingsException {
        withNotifications(notificationsWith("mode: link", "mode: no-link")
                .replace("Sign in at {signInUrl}", "Sign in at the address you already know."));

        assertThat(PolicyLoader.load(directory).notifications().mode()).isEqualTo(NotificationMode.NO_LINK);
    }

    @Test
    void loadShouldReportAllThreeErrorsWithTheirLinesWhenTheFileHasThree() {
        withNotifications(notificationsWith("interval: 15m", "interval: 15")
                .replace("mode: link", "mode: LINK")
                .replace("from {programName}", "from {sender}"));

        assertThat(PolicyDirectories.gatewayErrors(directory)).containsExactly(
                "notifications.yaml:2: interval: expected a duration such as 30d, 12h, 15m or 90s, got '15'",
                "notifications.yaml:3: mode: expected link or no-link, got 'LINK'",
                "notifications.yaml:4: subject: unknown placeholder '{sender}'; expected only the placeholders"
                        + " {programName}" + PLACEHOLDERS_NOTE);
    }

    static Stream<Arguments> fieldErrors() {
        return Stream.of(
                arguments("sender: notify@gateway.example", "sender: notify@staff.example",
                        "notifications.yaml:1: sender: 'notify@staff.example' is not in the gateway's domains;"
                                + " expected an address in gateway.example (notifications are signed with the"
                                + " gateway's DKIM key)"),
                arguments("sender: notify@gateway.example", "sender: \"Gateway <notify@gateway.example>\"",
                        "notifications.yaml:1: sender: expected an email address such as eco@staff.example,"
                                + " got 'Gateway <notify@gateway.example>'"),
                arguments("interval: 15m", "interval: 30s",
                        "notifications.yaml:2: interval: expected a duration from 1m to 1d, got '30s'"),
                arguments("interval: 15m", "interval: 2d",
                        "notifications.yaml:2: interval: expected a duration from 1m to 1d, got '2d'"),
                arguments("mode: link", "mode:",
                        "notifications.yaml:3: mode: empty value; expected link or no-link"),
                arguments("subject: New secure message from {programName}",
                        "subject: \"New message\\r\\nBcc: x@example.org\"",
                        "notifications.yaml:4: subject: expected one line of at most 200 characters, without control"
                                + " characters, got 'New message\\r\\nBcc: x@example.org'"),
                arguments("subject: New secure message from {programName}", "subject: \"{signInUrl}\"",
                        "notifications.yaml:4: subject: unknown placeholder '{signInUrl}'; expected only the"
                                + " placeholders {programName}" + PLACEHOLDERS_NOTE),
                arguments("subject: New secure message from {programName}", "subject: New {programName",
                        "notifications.yaml:4: subject: unmatched '{'; expected only the placeholders {programName}"
                                + PLACEHOLDERS_NOTE),
                arguments("subject: New secure message from {programName}\n", "",
                        "notifications.yaml:1: subject: missing field; expected one line of at most 200 characters,"
                                + " without control characters"),
                arguments("  A message is waiting for you.", "  {subject} is waiting for you.",
                        "notifications.yaml:5: text: unknown placeholder '{subject}'; expected only the placeholders"
                                + " {programName}, {signInUrl}" + PLACEHOLDERS_NOTE),
                arguments("  A message is waiting for you.", "  {count} messages are waiting.",
                        "notifications.yaml:5: text: unknown placeholder '{count}'; expected only the placeholders"
                                + " {programName}, {signInUrl}" + PLACEHOLDERS_NOTE),
                arguments("  Sign in at {signInUrl}", "  Sign in.",
                        "notifications.yaml:5: text: mode link: expected the text to contain {signInUrl} (or set"
                                + " mode: no-link)"),
                arguments("mode: link", "mode: no-link",
                        "notifications.yaml:5: text: mode no-link: expected a text without {signInUrl} or any written"
                                + " link (tell the citizen to sign in at the address they already know)"),
                arguments("text: |", "body: Hello\ntext: |",
                        "notifications.yaml:5: body: unknown field; allowed fields are: sender, interval, mode,"
                                + " subject, text"));
    }

    @ParameterizedTest
    @MethodSource("fieldErrors")
    void loadShouldNameLineFieldAndWhatIsExpectedWhenAFieldIsWrong(String find, String replacement, String expected) {
        withNotifications(notificationsWith(find, replacement));

        assertThat(PolicyDirectories.gatewayErrors(directory)).containsExactly(expected);
    }

    @Test
    void loadShouldRejectAWrittenLinkInNoLinkMode() {
        withNotifications(notificationsWith("mode: link", "mode: no-link")
                .replace("Sign in at {signInUrl}", "Sign in at https://gateway.example/signin"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly("notifications.yaml:5: text: mode no-link:"
                + " expected a text without {signInUrl} or any written link (tell the citizen to sign in at the"
                + " address they already know)");
    }

    @Test
    void renderShouldFillOnlyProgramNameAndSignInUrl() {
        NotificationTemplate template = new NotificationTemplate("Message from {programName}",
                "{programName}: sign in at {signInUrl}\n");

        NotificationTemplate.Rendered rendered = template.render("Energy Credits Online",
                Optional.of(URI.create("https://gateway.example/signin")));

        assertThat(rendered.subject()).isEqualTo("Message from Energy Credits Online");
        assertThat(rendered.text()).isEqualTo("Energy Credits Online: sign in at https://gateway.example/signin\n");
    }

    @Test
    void renderShouldRefuseASignInUrlThatCouldCarryAnIdentifier() {
        NotificationTemplate template = NotificationPolicy.defaults().template();

        assertThatThrownBy(() -> template.render("ECO", Optional.of(URI.create("https://gateway.example/signin?u=42"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.render("ECO", Optional.of(URI.create("https://gateway.example/#42"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.render("ECO", Optional.of(URI.create("https://a@gateway.example/"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.render("ECO", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderShouldRefuseAProgramNameThatCouldInjectAHeader() {
        NotificationTemplate template = NotificationPolicy.defaults().template();

        assertThatThrownBy(() -> template.render("ECO\r\nBcc: x@example.org",
                Optional.of(URI.create("https://gateway.example/")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorShouldRefuseAPlaceholderThatIsNotOffered() {
        assertThatThrownBy(() -> new NotificationTemplate("{subject}", "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationTemplate("subject", "from {sender}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
