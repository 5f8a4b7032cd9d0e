package org.smg.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.mailets.audit.AuditSink;

class AuditLogTest {
    /** One appended entry, as the sink received it. */
    record Entry(String actor, AuditAction action, String objectId, String outcome, String detail) {
        String all() {
            return String.join(" ", actor, action.name(), objectId, outcome, detail);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final AuditSink recording = (actor, action, objectId, outcome, detail) ->
        entries.add(new Entry(actor, action, objectId, outcome, detail));

    @Test
    void initShouldRefuseWhenOutcomeIsMissing() {
        AuditLog mailet = new AuditLog(recording);

        assertThatThrownBy(() -> mailet.init(config().setProperty("action", "MAIL_ACCEPTED").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'outcome' is required");
    }

    @Test
    void initShouldRefuseWhenOutcomeIsNotALowerCaseWord() {
        for (String invalid : new String[] {"", "Accepted", "accepted outcome", "accepted\nforged=line", "x".repeat(33)}) {
            AuditLog mailet = new AuditLog(recording);

            assertThatThrownBy(() -> mailet.init(config().setProperty("action", "MAIL_HELD").setProperty("outcome", invalid).build()))
                .as("outcome '%s'", invalid)
                .isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void initShouldRefuseWhenActionIsMissing() {
        AuditLog mailet = new AuditLog(recording);

        assertThatThrownBy(() -> mailet.init(config().setProperty("outcome", "accepted").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'action' is required: one of MAIL_ACCEPTED, MAIL_DELIVERED, MAIL_BOUNCED, MAIL_HELD");
    }

    @Test
    void initShouldRefuseWhenActionIsNotAMailEvent() {
        for (String invalid : new String[] {"", "LOGIN_FAILED", "ACCOUNT_SUSPENDED", "MAIL_SOMETHING", "MAIL_HELD MAIL_BOUNCED"}) {
            AuditLog mailet = new AuditLog(recording);

            assertThatThrownBy(() -> mailet.init(config().setProperty("action", invalid).setProperty("outcome", "accepted").build()))
                .as("action '%s'", invalid)
                .isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void initShouldRefuseWhenAnUnknownParameterIsGiven() {
        AuditLog mailet = new AuditLog(recording);

        assertThatThrownBy(() -> mailet.init(config().setProperty("action", "MAIL_ACCEPTED").setProperty("outcome", "accepted")
            .setProperty("level", "debug").build()))
            .isInstanceOf(MessagingException.class);
    }

    @Test
    void initShouldStripTheOutcomeAndFoldTheActionWhenWrittenLoosely() throws Exception {
        AuditLog mailet = new AuditLog(recording);

        mailet.init(config().setProperty("action", " mail_held ").setProperty("outcome", "  no-route ").build());

        assertThat(mailet.outcome()).isEqualTo("no-route");
        assertThat(mailet.action()).isEqualTo(AuditAction.MAIL_HELD);
    }

    @Test
    void serviceShouldAppendTheMailNameAndOutcomeButNoContentWhenMailPasses() throws Exception {
        AuditLog mailet = initialized("MAIL_ACCEPTED", "accepted");

        mailet.service(confidentialMail().build());

        assertThat(entries).containsExactly(new Entry("mta:192.0.2.7", AuditAction.MAIL_ACCEPTED,
            "Mail1700000000000-audited", "accepted", "recipients=2 size=" + confidentialMail().build().getMessageSize()));
        assertThat(entries.get(0).all()).doesNotContain("Confidential", "4711", "0815", "citizen.sender", "first.recipient", "second.recipient");
    }

    @Test
    void serviceShouldNameTheLoggedInUserAsActorWhenMailWasSubmitted() throws Exception {
        AuditLog mailet = initialized("MAIL_ACCEPTED", "accepted");
        Mail mail = confidentialMail()
            .attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("citizen@gateway.localhost")))
            .build();

        mailet.service(mail);

        assertThat(entries).extracting(Entry::actor).containsExactly("user:citizen@gateway.localhost");
    }

    @Test
    void serviceShouldNameTheSystemAsActorWhenMailIsHeld() throws Exception {
        AuditLog mailet = initialized("MAIL_HELD", "no-route");

        mailet.service(confidentialMail().build());

        assertThat(entries).extracting(Entry::actor, Entry::action, Entry::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("system", AuditAction.MAIL_HELD, "no-route"));
    }

    @Test
    void serviceShouldThrowWhenTheSinkCannotRecord() throws Exception {
        AuditLog mailet = new AuditLog((actor, action, objectId, outcome, detail) -> {
            throw new AuditException("database unavailable");
        });
        mailet.init(config().setProperty("action", "MAIL_ACCEPTED").setProperty("outcome", "accepted").build());

        assertThatThrownBy(() -> mailet.service(confidentialMail().build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("MAIL_ACCEPTED entry of mail Mail1700000000000-audited could not be recorded");
    }

    private AuditLog initialized(String action, String outcome) throws MessagingException {
        AuditLog mailet = new AuditLog(recording);
        mailet.init(config().setProperty("action", action).setProperty("outcome", outcome).build());
        return mailet;
    }

    private static FakeMail.Builder confidentialMail() throws MessagingException {
        return FakeMail.builder()
            .name("Mail1700000000000-audited")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject("Confidential subject 4711")
                .setText("Confidential body 0815"))
            .sender("citizen.sender@staff.test")
            .recipients("first.recipient@gateway.localhost", "second.recipient@gateway.localhost")
            .remoteAddr("192.0.2.7");
    }

    private static FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("AuditLog");
    }
}
