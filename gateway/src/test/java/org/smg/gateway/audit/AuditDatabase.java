package org.smg.gateway.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.testing.MutableClock;
import org.smg.gateway.storage.StorageException;

/** An encrypted database with the audit table, a settable clock, and raw SQL for playing the attacker. */
final class AuditDatabase implements AutoCloseable {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");

    final EncryptedDerbyDatabase database;
    final AuditTable table;
    private static final Instant START = Instant.parse("2024-05-01T08:00:00Z");
    final MutableClock clock = new MutableClock(START);

    private AuditDatabase(EncryptedDerbyDatabase database, AuditTable table) {
        this.database = database;
        this.table = table;
    }

    static AuditDatabase open(Path directory) throws StorageException, SQLException {
        EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET);
        AuditTable table = new AuditTable(database.dataSource());
        table.createIfMissing();
        return new AuditDatabase(database, table);
    }

    /** Starts a test afresh on the same database (booting an encrypted database takes seconds): empty table, clock back. */
    AuditTrail reset() throws SQLException {
        sql("DELETE FROM " + AuditTable.TABLE);
        clock.set(START);
        return trail();
    }

    AuditTrail trail() throws SQLException {
        return AuditTrail.open(table, clock);
    }

    AuditVerifier verifier() {
        return new AuditVerifier(table);
    }

    /** Runs one statement directly on the table, as someone with access to the database file and key could. */
    int sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
