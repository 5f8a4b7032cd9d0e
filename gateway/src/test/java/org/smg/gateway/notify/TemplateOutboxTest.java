package org.smg.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.WebLinks;
import org.smg.policies.model.NotificationTemplate;
import org.smg.policies.model.PolicyHolder;

/** The notification as the citizen's provider receives it: only the template, headers that cannot be injected into. */
class TemplateOutboxTest {
    private static final WebLinks WEB = new WebLinks("secure.gateway.test", 8443);

    @TempDir
    Path policies;

    @Test
    void renderShouldFillOnlyTheProgramNameAndTheSignInPageWhenInLinkMode() throws Exception {
        TemplateOutbox outbox = outbox(null);

        String raw = raw(outbox.render(account("ann@example.net")));

        assertThat(raw).contains("Subject: New secure message from Energy Credits Online", "To: ann@example.net",
            "From: Secure messaging <no-reply@gateway.test>", "https://secure.gateway.test:8443/signin",
            "Auto-Submitted: auto-generated").doesNotContain("ann.lee@gateway.test", "{", "}");
    }

    @Test
    void renderShouldLinkToNothingWhenThePolicyIsInNoLinkMode() throws Exception {
        TemplateOutbox outbox = outbox("mode: no-link\nsender: notify@gateway.test\nsubject: Secure message waiting\n"
            + "text: |\n  Sign in at the address you already know.\n");

        String raw = raw(outbox.render(account("ann@example.net")));

        assertThat(raw).contains("From: Secure messaging <notify@gateway.test>", "Sign in at the address you already know.")
            .doesNotContain("https://", "signin");
    }

    @Test
    void renderShouldRefuseTheAddressWhenItCarriesAnotherHeader() throws Exception {
        TemplateOutbox outbox = outbox(null);

        assertThatThrownBy(() -> outbox.render(account("ann@example.net\r\nBcc: spy@evil.example")))
            .isInstanceOf(AddressException.class);
        assertThatThrownBy(() -> outbox.render(account("ann@example.net, spy@evil.example")))
            .isInstanceOf(AddressException.class);
        assertThatThrownBy(() -> outbox.render(account("Ann <spy@evil.example>")))
            .isInstanceOf(AddressException.class);
    }

    @Test
    void buildShouldRefuseASubjectWhenItHasALineBreak() {
        NotificationTemplate.Rendered rendered = new NotificationTemplate.Rendered("Hello\r\nBcc: spy@evil.example", "text");

        assertThatThrownBy(() -> NotificationMessage.build("no-reply@gateway.test", "ann@example.net", rendered))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderShouldRefuseAProgramNameWhenItHasALineBreak() {
        NotificationTemplate template = new NotificationTemplate("Message from {programName}", "Sign in at {signInUrl}");

        assertThatThrownBy(() -> template.render("ECO\r\nBcc: spy@evil.example", Optional.of(java.net.URI.create(WEB.signIn()))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private TemplateOutbox outbox(String notificationsYaml) throws Exception {
        Path shipped = Path.of("..", "conf", "policies").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path copy = policies.resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        if (notificationsYaml != null) {
            Files.writeString(policies.resolve("notifications.yaml"), notificationsYaml);
        }
        return new TemplateOutbox(PolicyHolder.load(policies), WEB, null, "gateway.test");
    }

    private static Account account(String email) {
        return new Account("ann.lee@gateway.test", "Ann Lee", email, List.of("ECO"), AccountState.ACTIVE, Optional.empty(),
            Optional.empty(), Optional.empty(), Instant.parse("2024-06-01T10:00:00Z"));
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
