package org.smg.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import javax.mail.Flags;
import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SkipAlreadyDeliveredTest {
    private static final String ONE = "one@gateway.localhost";
    private static final String TWO = "two@gateway.localhost";
    private static final Attribute REDELIVERED = new Attribute(DeliveryIdentity.REDELIVERY, AttributeValue.of(true));

    private JpaMailbox mailbox;
    private SkipAlreadyDelivered mailet;

    @BeforeEach
    void setUp() throws Exception {
        mailbox = new JpaMailbox();
        MemoryDomainList domains = new MemoryDomainList(null);
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false)
            .defaultDomain(Domain.of("gateway.localhost")).build());
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(Username.of(ONE), "password-one");
        users.addUser(Username.of(TWO), "password-two");
        mailet = new SkipAlreadyDelivered(users, mailbox.manager());
        mailet.init(FakeMailetConfig.builder().mailetName("SkipAlreadyDelivered").build());
    }

    @AfterEach
    void tearDown() {
        mailbox.close();
    }

    @Test
    void serviceShouldStampTheMailNameAsDeliveryIdWhenMailArrives() throws Exception {
        Mail mail = mail("Mail1700000000000-first");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader(DeliveryIdentity.HEADER)).containsExactly("Mail1700000000000-first");
    }

    @Test
    void serviceShouldReplaceADeliveryIdTheSenderWroteWhenMailArrives() throws Exception {
        Mail mail = FakeMail.builder().name("Mail1700000000000-real")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addHeader(DeliveryIdentity.HEADER, "forged").setText("text"))
            .recipients(ONE).build();

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader(DeliveryIdentity.HEADER)).containsExactly("Mail1700000000000-real");
    }

    @Test
    void firstDeliveryShouldKeepEveryRecipientWhenInboxesAlreadyHoldTheId() throws Exception {
        deliver(ONE, "Mail1700000000000-first");
        Mail mail = mail("Mail1700000000000-first");

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(ONE), new MailAddress(TWO));
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void redeliveredMailShouldLoseOnlyTheRecipientsWhoHaveItWhenSomeInboxesHoldTheId() throws Exception {
        deliver(ONE, "Mail1700000000000-again");
        deliver(TWO, "Mail1700000000000-other");
        Mail mail = mail("Mail1700000000000-again", REDELIVERED);

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(TWO));
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void redeliveredMailShouldBecomeGhostWhenEveryInboxHoldsTheId() throws Exception {
        deliver(ONE, "Mail1700000000000-again");
        deliver(TWO, "Mail1700000000000-again");
        Mail mail = mail("Mail1700000000000-again", REDELIVERED);

        mailet.service(mail);

        assertThat(mail.getRecipients()).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void redeliveredMailShouldKeepRecipientsWhenTheyHaveNoInboxYet() throws Exception {
        Mail mail = mail("Mail1700000000000-again", REDELIVERED);

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(ONE), new MailAddress(TWO));
    }

    @Test
    void requeuedMailShouldSkipRecipientsWhoHaveItWhenItCarriesAProcessingErrorCount() throws Exception {
        deliver(ONE, "Mail1700000000000-again");
        Mail mail = mail("Mail1700000000000-again",
            new Attribute(DeliveryIdentity.PROCESSING_ERROR_COUNT, AttributeValue.of(1)));

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(TWO));
    }

    @Test
    void redeliveredMailShouldKeepRecipientsWhenTheirInboxHoldsOnlyLongerIdsContainingItsName() throws Exception {
        // James derives the names of split copies from the original one (name + suffix)
        deliver(ONE, "Mail1700000000000-again-!1a2b3c4d5");
        deliver(TWO, "Mail1700000000000-again2");
        Mail mail = mail("Mail1700000000000-again", REDELIVERED);

        mailet.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress(ONE), new MailAddress(TWO));
    }

    @Test
    void initShouldRefuseParametersWhenAnyIsGiven() {
        SkipAlreadyDelivered configured = new SkipAlreadyDelivered(null, null);

        assertThatThrownBy(() -> configured.init(FakeMailetConfig.builder().mailetName("SkipAlreadyDelivered")
            .setProperty("mode", "strict").build()))
            .isInstanceOf(MessagingException.class);
    }

    private static Mail mail(String name, Attribute... attributes) throws MessagingException {
        return FakeMail.builder()
            .name(name)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("subject").setText("text"))
            .sender("sender@staff.test")
            .recipients(ONE, TWO)
            .attributes(List.of(attributes))
            .build();
    }

    /** Puts a message stamped with {@code deliveryId} in the user's INBOX, as LocalDelivery would. */
    private void deliver(String user, String deliveryId) throws Exception {
        MailboxManager manager = mailbox.manager();
        Username username = Username.of(user);
        MailboxSession session = manager.createSystemSession(username);
        MailboxPath inbox = MailboxPath.inbox(username);
        if (!reactor.core.publisher.Mono.from(manager.mailboxExists(inbox, session)).block()) {
            manager.createMailbox(inbox, session);
        }
        String message = "From: sender@staff.test\r\nTo: " + user + "\r\nSubject: delivered\r\n"
            + DeliveryIdentity.HEADER + ": " + deliveryId + "\r\n\r\nbody\r\n";
        manager.getMailbox(inbox, session).appendMessage(
            new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)), new Date(), session, false, new Flags());
    }
}
