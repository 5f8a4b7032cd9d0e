package org.smg.gateway.records;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.testing.MutableClock;

/** An encrypted database with the records and audit tables, on a clock the tests move. */
final class RecordWorld implements AutoCloseable {
    static final Instant START = Instant.parse("2024-05-01T08:00:00Z");
    private static final Secret SECRET = Secret.of("a-records-test-secret-of-32-chrs");

    final EncryptedDerbyDatabase database;
    final MutableClock clock = new MutableClock(START);
    final AuditTrail audit;
    final RecordStore store;

    private RecordWorld(EncryptedDerbyDatabase database) throws SQLException {
        this.database = database;
        this.audit = AuditTrails.open(database.dataSource(), clock);
        this.store = new RecordStore(database.dataSource(), clock);
        store.createIfMissing();
    }

    static RecordWorld open(Path directory) throws Exception {
        return new RecordWorld(EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET));
    }

    /** Empties the tables between tests (opening an encrypted database takes seconds). */
    void clear() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + RecordStore.TABLE);
            statement.executeUpdate("DELETE FROM " + RecordStore.HOLDS);
        }
        clock.set(START);
    }

    static MimeMessage message(String text) throws MessagingException {
        return new MimeMessage(Session.getInstance(new java.util.Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    static String text(String messageId, String body) {
        return "Message-ID: <" + messageId + ">\r\nFrom: eco@staff.example\r\nTo: jane@gateway.test\r\nSubject: Your credit\r\n\r\n"
            + body + "\r\n";
    }

    MessageRecord keep(String account, String program, String messageId) throws Exception {
        return store.keep(account, program, RecordDirection.IN, "eco@staff.example", account, message(text(messageId, "Body " + messageId)));
    }

    @Override
    public void close() {
        database.close();
    }
}
