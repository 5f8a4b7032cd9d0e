package org.smg.gateway.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;

/**
 * Decides whether a message's author headers ({@code From:} and {@code Sender:}) name exactly one
 * address, the expected one. Mail clients show these headers, not the envelope, so a citizen who could
 * write {@code From: Tax Authority <notices@agency>} could impersonate the agency to other readers.
 *
 * <p>Rules: exactly one {@code From:} and at most one {@code Sender:} header (RFC 5322 3.6), each one
 * mailbox parsed by mime4j's strict RFC 5322 address parser: no group, no second address, no source
 * route, no comment, and a display name (encoded words decoded) that contains no {@code @}, so it
 * cannot pose as another address. The address is compared case-insensitively. Header names are
 * matched after trimming, so the obsolete {@code From :} spelling counts too.
 */
final class AuthorHeaders {
    private static final List<String> AUTHOR_HEADERS = List.of("from", "sender");

    private AuthorHeaders() {
    }

    /** Returns why the message is refused, or empty when its author headers name only {@code expected}. */
    static Optional<String> refusal(MimeMessage message, String expected) throws MessagingException {
        return refusal(message, expected, expected);
    }

    /** As {@link #refusal(MimeMessage, String)}, with {@code Sender:} allowed to name {@code sender} instead (a representative). */
    static Optional<String> refusal(MimeMessage message, String expected, String expectedSender) throws MessagingException {
        List<String> from = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            String name = header.getName().strip().toLowerCase(Locale.ROOT);
            if (name.equals("from")) {
                from.add(header.getValue());
            } else if (name.equals("sender")) {
                senders.add(header.getValue());
            }
        }
        if (from.size() != 1) {
            return Optional.of(from.isEmpty() ? "the message has no From: header" : "the message has several From: headers");
        }
        if (senders.size() > 1) {
            return Optional.of("the message has several Sender: headers");
        }
        Optional<String> fromProblem = problem("From", from.get(0), expected);
        if (fromProblem.isPresent() || senders.isEmpty()) {
            return fromProblem;
        }
        Optional<String> senderProblem = problem("Sender", senders.get(0), expectedSender);
        if (senderProblem.isEmpty() || expectedSender.equals(expected)) {
            return senderProblem;
        }
        // Sender: naming the From: address itself is allowed too.
        return problem("Sender", senders.get(0), expected).isEmpty() ? Optional.empty() : senderProblem;
    }

    private static Optional<String> problem(String headerName, String rawValue, String expected) {
        String value = MimeUtility.unfold(rawValue == null ? "" : rawValue);
        if (hasComment(value)) {
            return Optional.of("the " + headerName + ": header contains a comment");
        }
        AddressList addresses;
        try {
            addresses = DefaultAddressParser.DEFAULT.parseAddressList(value);
        } catch (ParseException | RuntimeException e) {
            return Optional.of("the " + headerName + ": header is not a valid address");
        }
        if (addresses.size() != 1) {
            return Optional.of("the " + headerName + ": header must name exactly one address");
        }
        if (!(addresses.get(0) instanceof Mailbox mailbox)) {
            return Optional.of("the " + headerName + ": header must be a single address, not a group");
        }
        if (mailbox.getRoute() != null && !mailbox.getRoute().isEmpty()) {
            return Optional.of("the " + headerName + ": header must not carry a source route");
        }
        if (mailbox.getName() != null && mailbox.getName().contains("@")) {
            return Optional.of("the display name in the " + headerName + ": header must not look like an address");
        }
        if (!mailbox.getAddress().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            return Optional.of("the " + headerName + ": header names another address");
        }
        return Optional.empty();
    }

    /** True when the value has a '(' outside a quoted string: an RFC 5322 comment, which many clients display. */
    private static boolean hasComment(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                return true;
            }
        }
        return false;
    }
}
