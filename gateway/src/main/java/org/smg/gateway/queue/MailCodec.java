package org.smg.gateway.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smg.gateway.storage.EncryptedTemporaryFile;

import com.google.common.collect.ImmutableList;

/**
 * Turns a {@link Mail} into what the queue table stores (envelope as JSON, message as a stream) and back.
 * Attributes that James cannot express as JSON are not queued, as in James's own JPA mail repository.
 *
 * <p>The message never sits whole in the heap: it is streamed into the table from the mail's own
 * source, and read back into an {@link EncryptedTemporaryFile} that the dequeued mail reads from.
 */
final class MailCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Recipients are stored one per line: an address cannot contain a line break. */
    private static final String RECIPIENT_SEPARATOR = "\n";

    /** The bytes of a message on its way into or out of the table, readable as often as needed. */
    interface MessageContent extends AutoCloseable {
        InputStream open() throws IOException;

        /** Releases what holds the bytes (deletes a temporary file); no-op for a mail's own source. */
        @Override
        void close();

        static MessageContent of(EncryptedTemporaryFile file) {
            return new MessageContent() {
                @Override
                public InputStream open() throws IOException {
                    return file.open();
                }

                @Override
                public void close() {
                    file.close();
                }
            };
        }
    }

    /** A mail as the queue table stores it; {@code recipients} is in this codec's encoding, read it with {@link #listsRecipient}. */
    static final class Encoded implements AutoCloseable {
        final String name;
        final String sender;
        final String recipients;
        final String envelope;
        final MessageContent message;

        Encoded(String name, String sender, String recipients, String envelope, MessageContent message) {
            this.name = name;
            this.sender = sender;
            this.recipients = recipients;
            this.envelope = envelope;
            this.message = message;
        }

        @Override
        public void close() {
            message.close();
        }
    }

    Encoded encode(Mail mail) throws MessagingException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("state", mail.getState());
        envelope.put("errorMessage", mail.getErrorMessage());
        envelope.put("remoteHost", mail.getRemoteHost());
        envelope.put("remoteAddr", mail.getRemoteAddr());
        envelope.put("lastUpdated", Optional.ofNullable(mail.getLastUpdated()).map(Date::getTime).orElse(System.currentTimeMillis()));
        ObjectNode attributes = envelope.putObject("attributes");
        mail.attributes().forEach(attribute -> attribute.getValue().toJson()
            .ifPresent(json -> attributes.set(attribute.getName().asString(), json)));
        envelope.set("perRecipientHeaders", encodeHeaders(mail.getPerRecipientSpecificHeaders()));
        return new Encoded(mail.getName(),
            mail.getMaybeSender().asString(""),
            String.join(RECIPIENT_SEPARATOR, mail.getRecipients().stream().map(MailAddress::asString).toArray(String[]::new)),
            envelope.toString(),
            messageContent(mail));
    }

    /** The mail; its message reads {@code source}, which the mail then owns. */
    MailImpl decode(Encoded mail, MimeMessageSource source) throws MessagingException {
        try {
            JsonNode envelope = JSON.readTree(mail.envelope);
            MailImpl.Builder builder = MailImpl.builder()
                .name(mail.name)
                .sender(mail.sender.isEmpty() ? MaybeSender.nullSender() : MaybeSender.getMailSender(mail.sender))
                .addRecipients(parseRecipients(mail.recipients))
                .state(text(envelope, "state"))
                .errorMessage(text(envelope, "errorMessage"))
                .remoteHost(text(envelope, "remoteHost"))
                .remoteAddr(text(envelope, "remoteAddr"))
                .lastUpdated(new Date(envelope.path("lastUpdated").asLong()))
                .addAttributes(decodeAttributes(envelope.path("attributes")))
                .addAllHeadersForRecipients(decodeHeaders(envelope.path("perRecipientHeaders")));
            MailImpl decoded = builder.build();
            // Not the builder's mimeMessage(): James's MailImpl.setMessage copies the message through a plain-text
            // temporary file (MimeMessageWrapper(MimeMessage)); the mail reads the encrypted source itself.
            decoded.setMessageNoCopy(new MimeMessageWrapper(source));
            return decoded;
        } catch (IOException e) {
            throw new MessagingException("queued mail " + mail.name + " has an unreadable envelope", e);
        }
    }

    /**
     * A message read by James from a source (SMTP DATA, the queue) streams from that source, with its
     * headers as changed in memory. A message built in memory by a mailet (a notice, a bounce) is
     * written once to an encrypted temporary file, so that it too can be streamed, and again if the
     * insert is retried.
     */
    private static MessageContent messageContent(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        if (message instanceof MimeMessageWrapper) {
            MimeMessageWrapper wrapper = (MimeMessageWrapper) message;
            return new MessageContent() {
                @Override
                public InputStream open() throws IOException {
                    try {
                        return wrapper.getMessageInputStream();
                    } catch (MessagingException e) {
                        throw new IOException("cannot read mail " + mail.getName(), e);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
        try {
            EncryptedTemporaryFile file = EncryptedTemporaryFile.create("queue-in-");
            try (OutputStream out = file.writer()) {
                message.writeTo(out);
            } catch (IOException | MessagingException | RuntimeException e) {
                file.close();
                throw e;
            }
            return MessageContent.of(file);
        } catch (IOException e) {
            throw new MessagingException("cannot serialize mail " + mail.getName(), e);
        }
    }

    private static ObjectNode encodeHeaders(PerRecipientHeaders headers) {
        ObjectNode node = JSON.createObjectNode();
        headers.getHeadersByRecipient().asMap().forEach((recipient, values) -> {
            ArrayNode list = node.putArray(recipient.asString());
            values.forEach(header -> list.addObject().put("name", header.getName()).put("value", header.getValue()));
        });
        return node;
    }

    private static PerRecipientHeaders decodeHeaders(JsonNode node) throws IOException {
        PerRecipientHeaders headers = new PerRecipientHeaders();
        for (Map.Entry<String, JsonNode> entry : ImmutableList.copyOf(node.fields())) {
            MailAddress recipient = address(entry.getKey());
            for (JsonNode header : entry.getValue()) {
                headers.addHeaderForRecipient(PerRecipientHeaders.Header.builder()
                    .name(header.path("name").asText())
                    .value(header.path("value").asText())
                    .build(), recipient);
            }
        }
        return headers;
    }

    private static Collection<Attribute> decodeAttributes(JsonNode node) {
        ImmutableList.Builder<Attribute> attributes = ImmutableList.builder();
        node.fields().forEachRemaining(entry -> attributes.add(
            new Attribute(AttributeName.of(entry.getKey()), AttributeValue.fromJson(entry.getValue()))));
        return attributes.build();
    }

    /** Whether stored recipients include {@code recipient}, compared as written (as James's queues compare it). */
    static boolean listsRecipient(String recipients, String recipient) {
        return List.of(recipients.split(RECIPIENT_SEPARATOR)).contains(recipient);
    }

    private static Collection<MailAddress> parseRecipients(String recipients) throws IOException {
        ImmutableList.Builder<MailAddress> result = ImmutableList.builder();
        for (String recipient : recipients.split(RECIPIENT_SEPARATOR)) {
            if (!recipient.isBlank()) {
                result.add(address(recipient));
            }
        }
        return result.build();
    }

    private static MailAddress address(String value) throws IOException {
        try {
            return new MailAddress(value);
        } catch (javax.mail.internet.AddressException e) {
            throw new IOException("queued recipient is not an address", e);
        }
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
