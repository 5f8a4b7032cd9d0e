package org.smg.gateway.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.smg.policies.model.NotificationTemplate;

/**
 * Builds a notification as a MIME message from nothing but a rendered template, the sender and
 * the citizen's external address. Every header is set through JavaMail's typed setters, and each
 * value is refused when it holds a line break or another control character: JavaMail encodes
 * non-ASCII text but passes CR and LF through, so a check here is what keeps a value from
 * starting a header of its own.
 */
final class NotificationMessage {
    private static final Session SESSION = Session.getInstance(new Properties());
    static final String SENDER_NAME = "Secure messaging";

    private NotificationMessage() {
    }

    /**
     * @throws AddressException when an address is not exactly one plain RFC 5322 address
     * @throws IllegalArgumentException when the subject has a control character
     */
    static MimeMessage build(String from, String to, NotificationTemplate.Rendered rendered) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        try {
            message.setFrom(new InternetAddress(oneAddress(from).getAddress(), SENDER_NAME, StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, oneAddress(to));
        message.setSubject(oneLine(rendered.subject(), "subject"), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setText(rendered.text(), StandardCharsets.UTF_8.name());
        // RFC 3834: an automatic message, which auto-responders do not answer.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /** One plain address (no group, no list, no line break), checked strictly. */
    static InternetAddress oneAddress(String address) throws AddressException {
        if (address == null || hasControlCharacter(address)) {
            throw new AddressException("an address with a control character is refused");
        }
        InternetAddress[] parsed = InternetAddress.parse(address, true);
        if (parsed.length != 1 || parsed[0].isGroup() || !address.strip().equals(parsed[0].getAddress())) {
            throw new AddressException("expected exactly one plain address");
        }
        parsed[0].validate();
        return parsed[0];
    }

    private static String oneLine(String value, String what) {
        if (hasControlCharacter(value)) {
            throw new IllegalArgumentException("the notification's " + what + " has a control character");
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029);
    }
}
