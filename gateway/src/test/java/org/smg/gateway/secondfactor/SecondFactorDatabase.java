package org.smg.gateway.secondfactor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

import javax.sql.DataSource;

import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

/** One encrypted database for the second-factor tests (booting one takes seconds), emptied before each test. */
final class SecondFactorDatabase implements AutoCloseable {
    final EncryptedDerbyDatabase database;
    final SecondFactorStore store;

    private SecondFactorDatabase(EncryptedDerbyDatabase database, SecondFactorStore store) {
        this.database = database;
        this.store = store;
    }

    static SecondFactorDatabase open() throws Exception {
        Path root = Files.createTempDirectory("smg-second-factor-");
        EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(root.resolve("db"), Secret.of("a-second-factor-test-secret-32ch"));
        SecondFactorStore store = new SecondFactorStore(database.dataSource());
        store.createIfMissing();
        return new SecondFactorDatabase(database, store);
    }

    AuditTrail emptied() throws Exception {
        DataSource dataSource = database.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + SecondFactorStore.FACTORS);
            statement.executeUpdate("DELETE FROM " + SecondFactorStore.RECOVERY);
            statement.executeUpdate("DELETE FROM " + SecondFactorStore.APP_PASSWORDS);
        }
        return AuditTrails.open(dataSource, Clock.systemUTC());
    }

    @Override
    public void close() {
        database.close();
    }
}
