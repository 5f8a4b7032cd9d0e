package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of recipient leaves as its own mail, so that no matcher after it matches only some recipients. */
class SeparateRecipientKindsTest {
    private static final Set<String> MAILBOXES = Set.of("ann@gateway.test", "bob@gateway.test");
    private final List<Mail> sent = new ArrayList<>();
    private SeparateRecipientKinds mailet;

    @BeforeEach
    void init() throws MessagingException {
        mailet = new SeparateRecipientKinds();
        mailet.init(FakeMailetConfig.builder().mailetName("SeparateRecipientKinds").mailetContext(context())
            .setProperty("processor", "deliver").build());
    }

    @Test
    void serviceShouldKeepTheMailboxesOnTheMailAndQueueACopyForEachOtherKind() throws Exception {
        FakeMail mail = mail("ann@gateway.test", "adviser@outside.example", "nobody@gateway.test", "bob@gateway.test");

        mailet.service(mail);

        assertThat(addresses(mail.getRecipients())).containsExactly("ann@gateway.test", "bob@gateway.test");
        assertThat(mail.getState()).isEqualTo("deliver");
        assertThat(sent).extracting(copy -> addresses(copy.getRecipients()))
            .containsExactly(List.of("nobody@gateway.test"), List.of("adviser@outside.example"));
        assertThat(sent).extracting(Mail::getState).containsOnly("deliver");
        assertThat(sent).extracting(Mail::getName).doesNotContain(mail.getName());
    }

    @Test
    void serviceShouldCopyTheMessageByteForByte() throws Exception {
        FakeMail mail = mail("ann@gateway.test", "adviser@outside.example");

        mailet.service(mail);

        assertThat(sent).singleElement().satisfies(copy -> assertThat(bytes(copy.getMessage())).isEqualTo(bytes(mail.getMessage())));
    }

    @Test
    void serviceShouldQueueNothingWhenAllRecipientsAreOfOneKind() throws Exception {
        FakeMail mail = mail("adviser@outside.example", "clerk@staff.example");

        mailet.service(mail);

        assertThat(sent).isEmpty();
        assertThat(addresses(mail.getRecipients())).containsExactly("adviser@outside.example", "clerk@staff.example");
        assertThat(mail.getState()).isEqualTo("deliver");
    }

    @Test
    void initShouldFailWhenNoProcessorIsNamed() {
        SeparateRecipientKinds unnamed = new SeparateRecipientKinds();

        assertThatThrownBy(() -> unnamed.init(FakeMailetConfig.builder().mailetName("SeparateRecipientKinds").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("<processor>");
    }

    private FakeMail mail(String... recipients) throws MessagingException {
        List<MailAddress> addresses = new ArrayList<>();
        for (String recipient : recipients) {
            addresses.add(new MailAddress(recipient));
        }
        return FakeMail.builder().name("mail-1").sender("clerk@staff.example").recipients(addresses).state("transport")
            .mimeMessage(message("Subject: kinds\r\n\r\na body " + "x".repeat(200_000) + "\r\n"))
            .build();
    }

    /** A mailet context that knows two mailboxes in gateway.test and records what is queued. */
    private MailetContext context() {
        return (MailetContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailetContext.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "localRecipients" -> ((Collection<?>) args[0]).stream()
                    .filter(address -> MAILBOXES.contains(address.toString())).collect(Collectors.toList());
                case "isLocalServer" -> ((Domain) args[0]).asString().equals("gateway.test");
                case "sendMail" -> {
                    Mail mail = (Mail) args[0];
                    mail.setState((String) args[1]);
                    sent.add(copyOf(mail));
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    /** What was queued, read before the mailet disposes its copy (the queue has its own). */
    private static Mail copyOf(Mail mail) throws MessagingException {
        return FakeMail.builder().name(mail.getName()).recipients(List.copyOf(mail.getRecipients())).state(mail.getState())
            .mimeMessage(message(new String(bytes(mail.getMessage()), StandardCharsets.US_ASCII))).build();
    }

    private static MimeMessage message(String raw) throws MessagingException {
        return new MimeMessage(null, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<String> addresses(Collection<MailAddress> recipients) {
        return recipients.stream().map(MailAddress::asString).toList();
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot write the message", e);
        }
    }
}
