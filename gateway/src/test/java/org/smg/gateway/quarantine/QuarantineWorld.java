package org.smg.gateway.quarantine;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.mail.MessagingException;
import javax.sql.DataSource;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.RefusalReason;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

/**
 * An encrypted database with the quarantine and audit tables, and a mail pipeline that records what
 * is sent into it (the message read at the moment it is queued, as the queue does). Public for the
 * command line's tests.
 */
public final class QuarantineWorld implements AutoCloseable {
    public static final Refusal VIRUS = new Refusal("invoice.pdf", RefusalReason.VIRUS, "a virus was found (Eicar-Signature)");
    public static final Refusal TYPE = new Refusal("tool.exe", RefusalReason.TYPE_NOT_ALLOWED, "an executable is not an allowed type");
    private static final Secret SECRET = Secret.of("a-quarantine-test-secret-32-chrs");

    /** A mail the pipeline received: its state, recipients, authenticated user and the digest of its message. */
    public record Sent(String name, String state, List<String> recipients, String authUser, String digest) {
    }

    public final EncryptedDerbyDatabase database;
    public final AuditTrail audit;
    public final QuarantineStore store;
    public final List<Sent> sent = new ArrayList<>();

    private QuarantineWorld(EncryptedDerbyDatabase database, AuditTrail audit, QuarantineStore store) {
        this.database = database;
        this.audit = audit;
        this.store = store;
    }

    public static QuarantineWorld open(Path directory) throws Exception {
        EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET);
        AuditTrail audit = AuditTrails.open(database.dataSource(), Clock.systemUTC());
        QuarantineStore store = new QuarantineStore(database.dataSource(), audit, Clock.systemUTC());
        store.createIfMissing();
        return new QuarantineWorld(database, audit, store);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Empties the quarantine between tests (opening an encrypted database takes seconds). */
    public void clear() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + QuarantineStore.TABLE);
        }
        sent.clear();
    }

    /** A mail as SMTP hands it over: envelope, remote address, the authenticated user, a message streamed from its source. */
    public static Mail mail(String name, org.apache.james.server.core.MimeMessageSource message) throws MessagingException {
        MailImpl mail = MailImpl.builder()
            .name(name)
            .sender(new MailAddress("sender@staff.test"))
            .addRecipients(List.of(new MailAddress("citizen@gateway.test"), new MailAddress("other@gateway.test")))
            .remoteAddr("192.0.2.10")
            .remoteHost("mta.staff.test")
            .addAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("staff@staff.test")))
            .build();
        mail.setMessageNoCopy(new MimeMessageWrapper(message));
        return mail;
    }

    public String quarantine(String name, String token, Refusal... refusals) throws Exception {
        return store.put(mail(name, new GeneratedMessage("Subject " + token, token, 1)), List.of(refusals), QuarantineStore.STAGE_SMTP);
    }

    /** A mail pipeline that keeps what is sent into it, the way the spool queue would. */
    public MailetContext pipeline() {
        return (MailetContext) Proxy.newProxyInstance(MailetContext.class.getClassLoader(), new Class<?>[] {MailetContext.class},
            (proxy, method, arguments) -> {
                if (method.getName().equals("sendMail") && arguments != null && arguments.length == 2 && arguments[0] instanceof Mail mail) {
                    sent.add(new Sent(mail.getName(), (String) arguments[1],
                        mail.getRecipients().stream().map(MailAddress::asString).toList(),
                        mail.getAttribute(Mail.SMTP_AUTH_USER).map(attribute -> String.valueOf(attribute.getValue().value())).orElse(null),
                        GeneratedMessage.digest(mail.getMessage())));
                    return null;
                }
                throw new UnsupportedOperationException("MailetContext." + method.getName() + " in a quarantine test");
            });
    }

    @Override
    public void close() {
        database.close();
    }
}
