package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

class RecordedLocalDeliveryTest {
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notified = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();

    @Test
    void serviceShouldAuditNotifyAndGhostWhenEveryRecipientIsDelivered() throws Exception {
        FakeMail mail = mail("ann@gateway.test", "bob@gateway.test");

        delivery(Set.of()).service(mail);

        assertThat(stored).containsExactly("ann@gateway.test", "bob@gateway.test");
        assertThat(audited).containsExactly("MAIL_DELIVERED mail-1 delivered recipients=2");
        assertThat(notified).containsExactly("ann@gateway.test", "bob@gateway.test");
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void serviceShouldAuditOnlyTheDeliveredAndFailWithTheOthersWhenOneStoreFails() throws Exception {
        FakeMail mail = mail("ann@gateway.test", "bob@gateway.test", "cy@gateway.test");

        assertThatThrownBy(() -> delivery(Set.of("bob@gateway.test")).service(mail))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("failed for 1 of 3 recipient(s)");

        assertThat(stored).containsExactly("ann@gateway.test", "cy@gateway.test");
        assertThat(kept).as("records, kept before each store").containsExactly("ann@gateway.test", "bob@gateway.test",
            "cy@gateway.test");
        assertThat(audited).containsExactly("MAIL_DELIVERED mail-1 delivered recipients=2");
        assertThat(notified).containsExactly("ann@gateway.test", "cy@gateway.test");
        assertThat(mail.getRecipients()).extracting(MailAddress::asString).containsExactly("bob@gateway.test");
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void serviceShouldAuditNothingWhenEveryStoreFails() throws Exception {
        FakeMail mail = mail("ann@gateway.test");

        assertThatThrownBy(() -> delivery(Set.of("ann@gateway.test")).service(mail)).isInstanceOf(MessagingException.class);

        assertThat(audited).isEmpty();
        assertThat(stored).isEmpty();
        assertThat(notified).isEmpty();
        assertThat(mail.getRecipients()).extracting(MailAddress::asString).containsExactly("ann@gateway.test");
    }

    @Test
    void serviceShouldNotDeliverAuditOrNotifyARecipientWhoseRecordCannotBeKept() throws Exception {
        FakeMail mail = mail("ann@gateway.test", "bob@gateway.test");

        assertThatThrownBy(() -> delivery(Set.of(), Set.of("ann@gateway.test")).service(mail))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("failed for 1 of 2 recipient(s)");

        assertThat(stored).containsExactly("bob@gateway.test");
        assertThat(kept).containsExactly("bob@gateway.test");
        assertThat(audited).containsExactly("MAIL_DELIVERED mail-1 delivered recipients=1");
        assertThat(notified).containsExactly("bob@gateway.test");
        assertThat(mail.getRecipients()).extracting(MailAddress::asString).containsExactly("ann@gateway.test");
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    private RecordedLocalDelivery delivery(Set<String> failing) {
        return delivery(failing, Set.of());
    }

    /** A delivery whose records for {@code unrecordable} and stores for {@code failing} throw, as James's LocalDelivery does with onMailetException=propagate. */
    private RecordedLocalDelivery delivery(Set<String> failing, Set<String> unrecordable) {
        GenericMailet store = new GenericMailet() {
            @Override
            public void service(Mail mail) throws MessagingException {
                for (MailAddress recipient : mail.getRecipients()) {
                    if (failing.contains(recipient.asString())) {
                        throw new MessagingException("store failed");
                    }
                    stored.add(recipient.asString());
                }
            }
        };
        return new RecordedLocalDelivery(store,
            (actor, action, objectId, outcome, detail) -> audited.add(action + " " + objectId + " " + outcome + " "
                + detail.replaceAll(" size=.*", "")),
            notified::add, mail -> {
                for (MailAddress recipient : mail.getRecipients()) {
                    if (unrecordable.contains(recipient.asString())) {
                        throw new MessagingException("record failed");
                    }
                    kept.add(recipient.asString());
                }
            });
    }

    private static FakeMail mail(String... recipients) throws Exception {
        FakeMail.Builder mail = FakeMail.builder().name("mail-1").sender("clerk@staff.example").state(Mail.TRANSPORT)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("answer").setText("body"));
        for (String recipient : recipients) {
            mail.recipient(recipient);
        }
        return mail.build();
    }
}
