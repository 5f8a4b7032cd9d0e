package org.smg.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorHeadersTest {
    private static final String USER = "citizen@gateway.localhost";

    @ParameterizedTest
    @ValueSource(strings = {
        "From: citizen@gateway.localhost",
        "From: <citizen@gateway.localhost>",
        "From: Jane Citizen <citizen@gateway.localhost>",
        "From: \"Citizen, Jane\" <Citizen@Gateway.LOCALHOST>",
        "From: =?UTF-8?Q?Jos=C3=A9_Citizen?= <citizen@gateway.localhost>",
        "From: Jane\r\n <citizen@gateway.localhost>",
        "From: citizen@gateway.localhost\r\nSender: <citizen@gateway.localhost>",
    })
    void refusalShouldBeEmptyWhenAuthorHeadersNameOnlyTheUser(String headers) throws Exception {
        MimeMessage message = message(headers);

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).isEmpty();
    }

    @Test
    void refusalShouldNameAnotherAddressWhenFromIsTheAgency() throws Exception {
        MimeMessage message = message("From: Tax Authority <notices@gateway.localhost>");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header names another address");
    }

    @Test
    void refusalShouldReportSeveralFromHeaders() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost\r\nFrom: notices@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the message has several From: headers");
    }

    @Test
    void refusalShouldCountObsoleteFromSpellingWithSpaceBeforeColon() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost\r\nFrom : notices@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the message has several From: headers");
    }

    @Test
    void refusalShouldReportMissingFrom() throws Exception {
        MimeMessage message = message("To: citizen@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the message has no From: header");
    }

    @Test
    void refusalShouldReportSecondAddress() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost, notices@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header must name exactly one address");
    }

    @Test
    void refusalShouldReportGroup() throws Exception {
        MimeMessage message = message("From: Tax Authority: citizen@gateway.localhost;");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header must be a single address, not a group");
    }

    @Test
    void refusalShouldReportComment() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost (Tax Authority <notices@gateway.localhost>)");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header contains a comment");
    }

    @Test
    void refusalShouldAllowParenthesisInsideQuotedDisplayName() throws Exception {
        MimeMessage message = message("From: \"Jane (home)\" <citizen@gateway.localhost>");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).isEmpty();
    }

    @Test
    void refusalShouldReportEncodedWordThatPosesAsAnAddress() throws Exception {
        MimeMessage message = message("From: =?UTF-8?Q?notices=40gateway.localhost?= <citizen@gateway.localhost>");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the display name in the From: header must not look like an address");
    }

    @Test
    void refusalShouldReportEncodedWordInPlaceOfTheAddress() throws Exception {
        MimeMessage message = message("From: =?UTF-8?B?Y2l0aXplbkBnYXRld2F5LmxvY2FsaG9zdA==?=");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).isPresent();
    }

    @Test
    void refusalShouldReportUnparsableFrom() throws Exception {
        MimeMessage message = message("From: <citizen@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header is not a valid address");
    }

    @Test
    void refusalShouldReportSourceRoute() throws Exception {
        MimeMessage message = message("From: <@agency.example:citizen@gateway.localhost>");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the From: header must not carry a source route");
    }

    @Test
    void refusalShouldReportSenderOfAnotherAddress() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost\r\nSender: notices@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the Sender: header names another address");
    }

    @Test
    void refusalShouldReportSeveralSenderHeaders() throws Exception {
        MimeMessage message = message("From: citizen@gateway.localhost\r\nSender: citizen@gateway.localhost\r\n"
            + "Sender: citizen@gateway.localhost");

        Optional<String> refusal = AuthorHeaders.refusal(message, USER);

        assertThat(refusal).contains("the message has several Sender: headers");
    }

    private static MimeMessage message(String headers) throws Exception {
        String raw = headers + "\r\nSubject: test\r\n\r\nbody\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
