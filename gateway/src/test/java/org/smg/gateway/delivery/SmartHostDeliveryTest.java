package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;
import javax.sql.DataSource;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.smg.gateway.records.RecordKeeper;
import org.smg.gateway.records.RecordStore;
import org.smg.gateway.routing.GatewayHeaders;
import org.smg.gateway.routing.RouteCitizenMail;

class SmartHostDeliveryTest {
    private final List<String> audited = new ArrayList<>();

    @Test
    void serviceShouldHoldInTheErrorProcessorWithoutSendingWhenTheRecordOfAnAcceptedMailStillFails() throws Exception {
        FakeMail mail = acceptedEarlier();
        // No smart host at all: a mail marked as accepted must not reach the send (nor the no-smarthost hold).
        SmartHostDelivery delivery = new SmartHostDelivery(new OutboundRoute(Optional.empty()), null, bounces(),
            new RecordKeeper(new RecordStore(unreachableDatabase(), Clock.systemUTC()), null, null));

        delivery.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.ERROR);
        assertThat(mail.getAttribute(SmartHostDelivery.SENT_UNRECORDED)).isPresent();
        assertThat(mail.getErrorMessage()).startsWith("accepted by the smart host; the record could not be kept");
        assertThat(audited).containsExactly("MAIL_HELD mail-1 relayed-unrecorded");
    }

    private Bounces bounces() {
        return new Bounces((actor, action, objectId, outcome, detail) -> audited.add(action + " " + objectId + " " + outcome));
    }

    private static FakeMail acceptedEarlier() throws Exception {
        MimeMessage message = MimeMessageBuilder.mimeMessageBuilder()
            .addHeader(GatewayHeaders.PROGRAM, "ECO")
            .setSubject("question")
            .setText("body")
            .build();
        FakeMail mail = FakeMail.builder().name("mail-1").sender("jane@gateway.test").recipient("eco@staff.example")
            .mimeMessage(message).state("outbound").build();
        mail.setAttribute(new Attribute(RouteCitizenMail.ROUTED, AttributeValue.of(true)));
        mail.setAttribute(new Attribute(SmartHostDelivery.SENT_UNRECORDED, AttributeValue.of(true)));
        return mail;
    }

    private static DataSource unreachableDatabase() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
                throw new SQLException("database unreachable");
            });
    }
}
