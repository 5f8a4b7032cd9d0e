package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.mail.Message;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Citizen to staff and back, over real SMTP and IMAP, with GreenMail as the outbound smart host holding
 * the staff mailboxes: topics lead to their staff route with the gateway's headers, staff answers reach
 * the citizen from a reply address, replies go back to the staff member who wrote, and every other
 * recipient (another citizen, a staff address typed directly, a changed or borrowed reply token) is
 * refused in the SMTP session. The shipped routing.yaml: eco-credits leads to eco@staff.example, the
 * staff sender domain is staff.example.
 */
class CitizenStaffRoutingIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String DOMAIN = "@gateway.localhost";
    private static final Pattern REPLY_ADDRESS = Pattern.compile("reply\\+[a-z2-7]{40}" + Pattern.quote(DOMAIN));
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @RegisterExtension
    static final SmartHostFixture smartHost = SmartHostFixture.perTestClass();

    @RegisterExtension
    static final GatewayProcess gateway = smartHost.gateway("localhost");

    @Test
    void topicMailShouldReachTheTopicsStaffRouteWithHeadersSetByTheGatewayOnly() throws Exception {
        String subject = "topic " + UUID.randomUUID();
        String forged = "X-SMG-Program: APPEALS\r\nX-SMG-Business-Verified: yes\r\nx-smg-on-behalf-of: Chief Executive\r\n";

        String reply = SmtpSend.submit(gateway, gateway.demoAddress(), gateway.demoPassword(), "eco-credits" + DOMAIN,
            "From: " + gateway.demoAddress() + "\r\nTo: eco-credits" + DOMAIN + "\r\n" + forged + "Subject: " + subject + "\r\n\r\nAbout my credit.\r\n");

        assertThat(reply).startsWith("250");
        MimeMessage received = smartHost.awaitMessage("eco@staff.example", subject);
        assertThat(received.getHeader("X-SMG-Program")).containsExactly("ECO");
        assertThat(received.getHeader("X-SMG-Business-Verified")).containsExactly("no");
        assertThat(received.getHeader("X-SMG-On-Behalf-Of")).isNull();
        assertThat(received.getHeader("To")).containsExactly("eco-credits" + DOMAIN);
    }

    @Test
    void staffAnswerShouldReachTheInboxFromAReplyAddressAndTheCitizensReplyShouldReachThatStaffMember() throws Exception {
        String subject = "answer " + UUID.randomUUID();
        String replySubject = "Re: " + subject;

        String relayed = SmtpSend.relay(gateway, "jane@staff.example", gateway.demoAddress(), "From: Jane Clerk <jane@staff.example>\r\n"
            + "Reply-To: eco-private@staff.example\r\nSender: jane@staff.example\r\nX-SMG-Program: FORGED\r\n"
            + "Subject: " + subject + "\r\n\r\nWe received your claim.\r\n");
        MimeMessage answer = awaitInInbox(gateway.demoAddress(), gateway.demoPassword(), subject);
        InternetAddress from = (InternetAddress) answer.getFrom()[0];
        String replied = SmtpSend.submit(gateway, gateway.demoAddress(), gateway.demoPassword(), from.getAddress(),
            "From: " + gateway.demoAddress() + "\r\nSubject: " + replySubject + "\r\n\r\nThank you.\r\n");

        assertThat(relayed).startsWith("250");
        assertThat(from.getAddress()).matches(REPLY_ADDRESS);
        assertThat(from.getPersonal()).isEqualTo("Jane Clerk");
        assertThat(answer.getReplyTo()).extracting(address -> ((InternetAddress) address).getAddress()).containsExactly(from.getAddress());
        assertThat(answer.getHeader("Sender")).isNull();
        assertThat(answer.getHeader("X-SMG-Program")).isNull();
        assertThat(replied).startsWith("250");
        MimeMessage atStaff = smartHost.awaitMessage("jane@staff.example", replySubject);
        assertThat(atStaff.getHeader("X-SMG-Program")).containsExactly("ECO");
    }

    @Test
    void rcptShouldBeRefusedWith550ListingTheTopicsWhenTheCitizenWritesAnywhereElse() throws Exception {
        String otherCitizen = WebAdmin.invite(gateway, "peer-" + UUID.randomUUID() + "@example.net");
        String goodReply = replyAddressOfAStaffAnswer("eco@staff.example");
        String token = goodReply.substring("reply+".length(), goodReply.indexOf('@'));
        String changed = "reply+" + token.substring(0, 39) + (token.charAt(39) == 'a' ? 'b' : 'a') + DOMAIN;
        List<String> refused;

        try (SmtpConversation smtp = SmtpSend.submissionSession(gateway, gateway.demoAddress(), gateway.demoPassword())) {
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
            refused = List.of(
                smtp.command("RCPT TO:<" + otherCitizen + ">"),
                smtp.command("RCPT TO:<" + gateway.demoAddress() + ">"),
                smtp.command("RCPT TO:<eco@staff.example>"),
                smtp.command("RCPT TO:<someone@example.com>"),
                smtp.command("RCPT TO:<lbi-examination" + DOMAIN + ">"),
                smtp.command("RCPT TO:<" + changed + ">"),
                smtp.command("RCPT TO:<reply+" + DOMAIN + ">"));
        }

        assertThat(refused).allSatisfy(reply -> assertThat(reply)
            .startsWith("550 5.7.1 You can write only to a topic address or reply to a message from staff.")
            .contains("eco-credits" + DOMAIN, "eco-registration" + DOMAIN, "eco-documents" + DOMAIN)
            .doesNotContain("lbi-examination"));
    }

    @Test
    void welcomeMessageAnsweredShouldReachTheProgramsStaffRouteAndItsReplyAddressShouldNotServeAnotherCitizen() throws Exception {
        String citizen = registeredCitizen();
        MimeMessage welcome = awaitInInbox(citizen, PASSWORD, "Welcome to Energy Credits Online secure messaging");
        InternetAddress from = (InternetAddress) welcome.getFrom()[0];
        String subject = "Re: welcome " + UUID.randomUUID();
        assertThat(welcome.getContent().toString()).as("the welcome message lists the program's topic addresses")
            .contains("eco-credits@gateway.localhost").contains("eco-registration@gateway.localhost");

        String replied = SmtpSend.submit(gateway, citizen, PASSWORD, from.getAddress(), "From: " + citizen + "\r\nSubject: " + subject + "\r\n\r\nHello.\r\n");
        String borrowed;
        try (SmtpConversation smtp = SmtpSend.submissionSession(gateway, gateway.demoAddress(), gateway.demoPassword())) {
            smtp.command("MAIL FROM:<" + gateway.demoAddress() + ">");
            borrowed = smtp.command("RCPT TO:<" + from.getAddress() + ">");
        }

        assertThat(from.getAddress()).matches(REPLY_ADDRESS);
        assertThat(from.getPersonal()).isEqualTo("Energy Credits Online team");
        assertThat(replied).startsWith("250");
        assertThat(smartHost.awaitMessage("eco@staff.example", subject).getHeader("X-SMG-Program")).containsExactly("ECO");
        assertThat(borrowed).startsWith("550 5.7.1");
    }

    @Test
    void relayShouldRefuseSenderOutsideTheStaffSenderDomainsAtMailFrom() throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.agency.example");

            String outsider = smtp.command("MAIL FROM:<clerk@agency.example>");
            String subdomain = smtp.command("MAIL FROM:<clerk@mail.staff.example>");

            assertThat(outsider).startsWith("550 5.7.1 This port accepts mail only from the agency's staff sender domains");
            assertThat(subdomain).startsWith("550 5.7.1");
        }
    }

    @Test
    void relayShouldRefuseAFromHeaderThatContradictsTheEnvelopeBeforeQueueing() throws Exception {
        String subject = "spoof " + UUID.randomUUID();
        List<String> spoofs = List.of(
            "From: Refunds <refunds@tax-refunds.example>",
            "From: jane@staff.example, refunds@tax-refunds.example",
            "From: jane@staff.example\r\nFrom: refunds@tax-refunds.example",
            "From: jane@staff.example\r\nSender: refunds@tax-refunds.example",
            "Subject: no author");
        List<String> replies = new java.util.ArrayList<>();

        for (String headers : spoofs) {
            replies.add(SmtpSend.relay(gateway, "jane@staff.example", gateway.demoAddress(), headers + "\r\nSubject: " + subject + "\r\n\r\nPay here.\r\n"));
        }
        String bounceWithForeignFrom = SmtpSend.relay(gateway, "", gateway.demoAddress(), "From: refunds@tax-refunds.example\r\nSubject: " + subject
            + "\r\n\r\nPay here.\r\n");

        assertThat(replies).allSatisfy(reply -> assertThat(reply).startsWith("550 5.7.1 The From: header must be one address"));
        assertThat(bounceWithForeignFrom).startsWith("550 5.7.1 The From: header must be one address");
        assertThat(MailClients.inboxSubjects(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword())).doesNotContain(subject);
    }

    @Test
    void staffMailToTheCitizensExternalAddressShouldLandInTheSecureInboxAndOnlyTheNotificationShouldLeave() throws Exception {
        Citizen citizen = registeredCitizenWithExternalAddress();
        String subject = "external " + UUID.randomUUID();
        String bodyToken = "body-" + UUID.randomUUID();

        String relayed = SmtpSend.relay(gateway, "jane@staff.example", citizen.external().toUpperCase(java.util.Locale.ROOT), "From: Jane Clerk <jane@staff.example>\r\n"
            + "To: Pat Citizen <" + citizen.external() + ">\r\nSubject: " + subject + "\r\n\r\n" + bodyToken + "\r\n");
        MimeMessage delivered = awaitInInbox(citizen.address(), PASSWORD, subject);
        await().atMost(Duration.ofSeconds(30)).until(() -> smartHost.receivedFor(citizen.external()).stream()
            .anyMatch(message -> !raw(message).contains("/register")));

        assertThat(relayed).startsWith("250");
        assertThat(delivered.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
            .containsExactly("Pat Citizen <" + citizen.address() + ">");
        assertThat(delivered.getContent().toString()).contains(bodyToken);
        assertThat(Arrays.stream(smartHost.received()).map(CitizenStaffRoutingIntegrationTest::raw))
            .as("nothing of the staff mail leaves the gateway; the external address gets only the content-free notification")
            .noneMatch(raw -> raw.contains(subject) || raw.contains(bodyToken));
    }

    @Test
    void relayShouldRefuseTheCitizensExternalAddressLikeAnyOutsideAddressWhenThePolicySwitchIsOff() throws Exception {
        Citizen citizen = registeredCitizenWithExternalAddress();
        Path routing = gateway.root().resolve("conf/policies/routing.yaml");
        String shipped = Files.readString(routing);
        Files.writeString(routing, shipped.replace("externalAddressToSecureInbox: true", "externalAddressToSecureInbox: false"));
        String refused;
        String otherOutsideAddress;
        try {
            assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).statusCode()).isEqualTo(200);
            try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
                smtp.reply();
                smtp.command("EHLO staff-mta.staff.example");
                smtp.command("MAIL FROM:<jane@staff.example>");

                refused = smtp.command("RCPT TO:<" + citizen.external() + ">");
                otherOutsideAddress = smtp.command("RCPT TO:<someone-" + UUID.randomUUID() + "@example.net>");
            }
        } finally {
            Files.writeString(routing, shipped);
            assertThat(WebAdmin.call(gateway, "POST", "/policies/reload", null).statusCode()).isEqualTo(200);
        }

        assertThat(otherOutsideAddress).startsWith("550 5.7.1 Relaying denied");
        assertThat(refused).as("the answer must not tell that the address is a citizen's").isEqualTo(otherOutsideAddress);
    }

    @Test
    void replyAllToAStaffAnswerWithAStaffCcShouldReachBothStaffMembersAndNoStaffAddressShouldShowToTheCitizen() throws Exception {
        Citizen citizen = registeredCitizenWithExternalAddress();
        String subject = "cc " + UUID.randomUUID();
        String replySubject = "Re: " + subject;

        String relayed = SmtpSend.relay(gateway, "jane@staff.example", citizen.address(), "From: Jane Clerk <jane@staff.example>\r\n"
            + "To: Pat Citizen <" + citizen.address() + ">\r\nCc: Carl Colleague <colleague@staff.example>,"
            + " Outside Adviser <adviser@example.org>\r\nSubject: " + subject + "\r\n\r\nSee my colleague's notes.\r\n");
        MimeMessage answer = awaitInInbox(citizen.address(), PASSWORD, subject);
        List<InternetAddress> everyone = new java.util.ArrayList<>();
        for (javax.mail.Address address : answer.getFrom()) {
            everyone.add((InternetAddress) address);
        }
        for (javax.mail.Address address : answer.getAllRecipients()) {
            everyone.add((InternetAddress) address);
        }
        List<String> replyAll = everyone.stream().map(InternetAddress::getAddress)
            .filter(address -> !address.equalsIgnoreCase(citizen.address())).distinct().toList();
        String replied;
        try (SmtpConversation smtp = SmtpSend.submissionSession(gateway, citizen.address(), PASSWORD)) {
            replied = smtp.mail(citizen.address(), replyAll, "From: " + citizen.address() + "\r\nSubject: " + replySubject
                + "\r\n\r\nThank you both.\r\n");
        }
        String headers = String.join("\n", java.util.Collections.list(answer.getAllHeaderLines()));

        assertThat(relayed).startsWith("250");
        assertThat(answer.getRecipients(Message.RecipientType.CC)).hasSize(1);
        InternetAddress cc = (InternetAddress) answer.getRecipients(Message.RecipientType.CC)[0];
        assertThat(cc.getAddress()).matches(REPLY_ADDRESS).isNotEqualTo(((InternetAddress) answer.getFrom()[0]).getAddress());
        assertThat(cc.getPersonal()).isEqualTo("Carl Colleague");
        assertThat(answer.getHeader("Return-Path")).containsExactly("<" + ((InternetAddress) answer.getFrom()[0]).getAddress() + ">");
        assertThat(headers).doesNotContainIgnoringCase("jane@staff.example").doesNotContainIgnoringCase("colleague@staff.example")
            .doesNotContainIgnoringCase("adviser@example.org");
        assertThat(replyAll).hasSize(2).allSatisfy(address -> assertThat(address).matches(REPLY_ADDRESS));
        assertThat(replied).startsWith("250");
        assertThat(smartHost.awaitMessage("jane@staff.example", replySubject)).isNotNull();
        assertThat(smartHost.awaitMessage("colleague@staff.example", replySubject)).isNotNull();
    }

    @Test
    void staffMailToTwoCitizensShouldShowNeitherCitizenTheOthersAddressesAndReplyAllShouldBeAccepted() throws Exception {
        Citizen ann = registeredCitizenWithExternalAddress();
        Citizen bob = registeredCitizenWithExternalAddress();
        String subject = "both " + UUID.randomUUID();
        String replySubject = "Re: " + subject;
        String relayed;
        try (SmtpConversation smtp = SmtpSend.relaySession(gateway)) {
            relayed = smtp.mail("jane@staff.example", List.of(ann.address(), bob.address()), "From: Jane Clerk <jane@staff.example>\r\n"
                + "To: Ann <" + ann.address() + ">, Bob <" + bob.address() + ">\r\nCc: Bob at home <" + bob.external() + ">\r\n"
                + "Subject: " + subject + "\r\n\r\nTo you both.\r\n");
        }

        MimeMessage answer = awaitInInbox(ann.address(), PASSWORD, subject);
        String headers = String.join("\n", java.util.Collections.list(answer.getAllHeaderLines()));
        List<String> replyAll = java.util.stream.Stream.concat(Arrays.stream(answer.getFrom()), Arrays.stream(answer.getAllRecipients()))
            .map(address -> ((InternetAddress) address).getAddress())
            .filter(address -> !address.equalsIgnoreCase(ann.address())).distinct().toList();
        String replied;
        try (SmtpConversation smtp = SmtpSend.submissionSession(gateway, ann.address(), PASSWORD)) {
            replied = smtp.mail(ann.address(), replyAll, "From: " + ann.address() + "\r\nSubject: " + replySubject
                + "\r\n\r\nThank you.\r\n");
        }

        assertThat(relayed).startsWith("250");
        assertThat(headers).as("Ann's copy").doesNotContainIgnoringCase(bob.address()).doesNotContainIgnoringCase(bob.external());
        assertThat(answer.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
            .containsExactly("Ann <" + ann.address() + ">");
        assertThat(answer.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(replyAll).hasSize(1).allSatisfy(address -> assertThat(address).matches(REPLY_ADDRESS));
        assertThat(replied).startsWith("250");
        assertThat(smartHost.awaitMessage("jane@staff.example", replySubject)).isNotNull();
    }

    // ------------------------------------------------------------------ helpers

    private static String raw(MimeMessage message) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replyAddressOfAStaffAnswer(String staff) throws Exception {
        String subject = "for reply " + UUID.randomUUID();
        assertThat(SmtpSend.relay(gateway, staff, gateway.demoAddress(), "From: " + staff + "\r\nSubject: " + subject + "\r\n\r\nHello.\r\n")).startsWith("250");
        return ((InternetAddress) awaitInInbox(gateway.demoAddress(), gateway.demoPassword(), subject).getFrom()[0]).getAddress();
    }

    private static MimeMessage awaitInInbox(String user, String password, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> MailClients.readInbox(gateway.imapsPort(), user, password, inbox -> {
            for (Message message : inbox.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    return new MimeMessage((MimeMessage) message);
                }
            }
            return null;
        }), Objects::nonNull);
    }

    /** A citizen's secure address and registered external (notification) address. */
    private record Citizen(String address, String external) {
    }

    /** A new ECO citizen who registered on the web and accepted the terms (the welcome message is then placed). */
    private static String registeredCitizen() throws Exception {
        return registeredCitizenWithExternalAddress().address();
    }

    private static Citizen registeredCitizenWithExternalAddress() throws Exception {
        int person = PEOPLE.incrementAndGet();
        String external = "routed" + person + "-" + UUID.randomUUID() + "@example.net";
        return new Citizen(Enrolment.register(gateway, external, "Routed Citizen", PASSWORD).address(), external);
    }
}
