package org.smg.gateway.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.FetchProfile;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

/**
 * Real javax.mail clients pointed at a test gateway. The gateway's certificate is self-signed,
 * so these clients trust any server certificate: test code only.
 */
final class MailClients {
    private static final String TIMEOUT_MILLIS = "30000";

    private MailClients() {
    }

    /** Session for SMTP submission with STARTTLS required (port 1587 style). */
    static Session submissionSession(int port) {
        Properties properties = base("smtp", port);
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        return Session.getInstance(properties);
    }

    /** Session for SMTPS, implicit TLS (port 1465 style). */
    static Session smtpsSession(int port) {
        Properties properties = base("smtps", port);
        properties.put("mail.smtps.auth", "true");
        return Session.getInstance(properties);
    }

    static void submit(Session session, String protocol, String user, String password, MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(user, password);
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** Opens an IMAPS store (implicit TLS). Close it when done. */
    static Store imaps(int port, String user, String password) throws MessagingException {
        Store store = Session.getInstance(base("imaps", port)).getStore("imaps");
        store.connect("127.0.0.1", port, user, password);
        return store;
    }

    /** Number of messages in INBOX, read over IMAPS. */
    static int inboxCount(int port, String user, String password) throws MessagingException, IOException {
        return readInbox(port, user, password, Folder::getMessageCount);
    }

    /** What a test reads from an open INBOX. */
    @FunctionalInterface
    interface InboxReader<T> {
        T read(Folder inbox) throws MessagingException, IOException;
    }

    /** Opens INBOX read-only over IMAPS, lets {@code reader} read it, and closes everything. */
    static <T> T readInbox(int port, String user, String password, InboxReader<T> reader) throws MessagingException, IOException {
        Store store = imaps(port, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return reader.read(inbox);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Subjects of every message in INBOX, read over IMAPS in one fetch. */
    static List<String> inboxSubjects(int port, String user, String password) throws MessagingException, IOException {
        return readInbox(port, user, password, inbox -> {
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, profile);
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            return subjects;
        });
    }

    /** A message as the recipient sees it: subject and text body. */
    record Received(String subject, String text) {
    }

    /** Every message in INBOX, read over IMAPS without marking anything as seen. */
    static List<Received> inbox(int port, String user, String password) throws MessagingException, IOException {
        return readInbox(port, user, password, inbox -> {
            List<Received> messages = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                Object content = message.getContent();
                messages.add(new Received(message.getSubject(), content instanceof String ? (String) content : String.valueOf(content)));
            }
            return messages;
        });
    }

    private static Properties base(String protocol, int port) {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", "127.0.0.1");
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".ssl.trust", "*");
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        return properties;
    }
}
