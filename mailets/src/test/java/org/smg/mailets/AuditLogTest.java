package org.smg.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class AuditLogTest {
    private final Logger audit = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureAuditLines() {
        lines.start();
        audit.addAppender(lines);
    }

    @AfterEach
    void releaseAuditLines() {
        audit.detachAppender(lines);
    }

    @Test
    void initShouldRefuseWhenOutcomeIsMissing() {
        AuditLog mailet = new AuditLog();

        assertThatThrownBy(() -> mailet.init(config().build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'outcome' is required");
    }

    @Test
    void initShouldRefuseWhenOutcomeIsNotALowerCaseWord() {
        for (String invalid : new String[] {"", "Accepted", "accepted outcome", "accepted\nforged=line", "x".repeat(33)}) {
            AuditLog mailet = new AuditLog();

            assertThatThrownBy(() -> mailet.init(config().setProperty("outcome", invalid).build()))
                .as("outcome '%s'", invalid)
                .isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void initShouldRefuseWhenAnUnknownParameterIsGiven() {
        AuditLog mailet = new AuditLog();

        assertThatThrownBy(() -> mailet.init(config().setProperty("outcome", "accepted").setProperty("level", "debug").build()))
            .isInstanceOf(MessagingException.class);
    }

    @Test
    void initShouldStripTheOutcomeWhenItIsSurroundedBySpaces() throws Exception {
        AuditLog mailet = new AuditLog();

        mailet.init(config().setProperty("outcome", "  no-route ").build());

        assertThat(mailet.outcome()).isEqualTo("no-route");
    }

    @Test
    void serviceShouldLogTheMailNameAndOutcomeButNoContentWhenMailPasses() throws Exception {
        AuditLog mailet = new AuditLog();
        mailet.init(config().setProperty("outcome", "delivered").build());
        Mail mail = FakeMail.builder()
            .name("Mail1700000000000-audited")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject("Confidential subject 4711")
                .setText("Confidential body 0815"))
            .sender("citizen.sender@staff.test")
            .recipients("first.recipient@gateway.localhost", "second.recipient@gateway.localhost")
            .remoteAddr("192.0.2.7")
            .build();

        mailet.service(mail);

        assertThat(lines.list).hasSize(1);
        String line = lines.list.get(0).getFormattedMessage();
        assertThat(line).contains("mail=Mail1700000000000-audited", "outcome=delivered", "recipients=2", "remote=192.0.2.7");
        assertThat(line).doesNotContain("Confidential", "4711", "0815", "citizen.sender", "first.recipient", "second.recipient");
    }

    private static FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("AuditLog");
    }
}
