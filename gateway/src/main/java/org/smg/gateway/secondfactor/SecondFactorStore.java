package org.smg.gateway.secondfactor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * Second factors, recovery codes and app passwords in the encrypted database. The TOTP secret is
 * kept as is (the database is encrypted; the gateway must compute codes from it); recovery codes and
 * app passwords only as salted hashes. {@code LAST_STEP} is the newest time step whose code was
 * accepted: it only moves forward, by a compare-and-set, so a code is accepted once even when two
 * requests race.
 */
public final class SecondFactorStore {
    static final String FACTORS = "SMG_SECOND_FACTORS";
    static final String RECOVERY = "SMG_RECOVERY_CODES";
    static final String APP_PASSWORDS = "SMG_APP_PASSWORDS";

    /** An enrolled second factor. */
    record Factor(String account, String secret, long lastStep, Instant enrolled) {
        @Override
        public String toString() {
            return "Factor[" + account + "]"; // never the secret
        }
    }

    /** A stored hash: recovery code or app password. */
    record Hashed(long id, String salt, String hash, String lookup) {
        Hashed(long id, String salt, String hash) {
            this(id, salt, hash, "");
        }
    }

    /** An app password as listed to its owner. */
    public record AppPassword(long id, String name, Instant created, Optional<Instant> lastUsed) {
    }

    private final DataSource dataSource;

    public SecondFactorStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, FACTORS,
            "CREATE TABLE " + FACTORS + " (ACCOUNT VARCHAR(320) NOT NULL PRIMARY KEY, SECRET VARCHAR(64) NOT NULL,"
                + " LAST_STEP BIGINT NOT NULL, ENROLLED_MS BIGINT NOT NULL)");
        Tables.createIfMissing(dataSource, RECOVERY,
            "CREATE TABLE " + RECOVERY + " (ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " ACCOUNT VARCHAR(320) NOT NULL, LOOKUP CHAR(2) NOT NULL, SALT VARCHAR(64) NOT NULL, HASH VARCHAR(200) NOT NULL,"
                + " USED_MS BIGINT)",
            "CREATE INDEX SMG_RECOVERY_CODES_ACCOUNT ON " + RECOVERY + " (ACCOUNT, LOOKUP)");
        Tables.createIfMissing(dataSource, APP_PASSWORDS,
            "CREATE TABLE " + APP_PASSWORDS + " (ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " ACCOUNT VARCHAR(320) NOT NULL, NAME VARCHAR(64) NOT NULL, LOOKUP CHAR(4) NOT NULL, SALT VARCHAR(64) NOT NULL,"
                + " HASH VARCHAR(200) NOT NULL, CREATED_MS BIGINT NOT NULL, LAST_USED_MS BIGINT)",
            "CREATE INDEX SMG_APP_PASSWORDS_LOOKUP ON " + APP_PASSWORDS + " (ACCOUNT, LOOKUP)");
    }

    Optional<Factor> factor(String account) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT SECRET, LAST_STEP, ENROLLED_MS FROM " + FACTORS + " WHERE ACCOUNT = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Factor(account, row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3))));
            }
        }
    }

    /** Stores the factor and its recovery codes in one transaction; false when the account has a factor already. */
    boolean enrol(String account, String secret, long step, Instant at, List<Hashed> recoveryCodes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (exists(connection, account)) {
                    connection.rollback();
                    return false;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + FACTORS + " (ACCOUNT, SECRET, LAST_STEP, ENROLLED_MS) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, account);
                    insert.setString(2, secret);
                    insert.setLong(3, step);
                    insert.setLong(4, at.toEpochMilli());
                    insert.executeUpdate();
                }
                deleteRecoveryCodes(connection, account);
                try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + RECOVERY + " (ACCOUNT, LOOKUP, SALT, HASH) VALUES (?, ?, ?, ?)")) {
                    for (Hashed code : recoveryCodes) {
                        insert.setString(1, account);
                        insert.setString(2, code.lookup());
                        insert.setString(3, code.salt());
                        insert.setString(4, code.hash());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Moves the last used step to {@code step}; false when a code of this step or a later one was accepted already. */
    boolean advanceStep(String account, long step) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                 "UPDATE " + FACTORS + " SET LAST_STEP = ? WHERE ACCOUNT = ? AND LAST_STEP < ?")) {
            update.setLong(1, step);
            update.setString(2, account);
            update.setLong(3, step);
            return update.executeUpdate() == 1;
        }
    }

    /** Removes the factor and its recovery codes; false when there was none. */
    boolean remove(String account) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + FACTORS + " WHERE ACCOUNT = ?")) {
                delete.setString(1, account);
                boolean removed = delete.executeUpdate() == 1;
                deleteRecoveryCodes(connection, account);
                connection.commit();
                return removed;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    List<Hashed> unusedRecoveryCodes(String account, String lookup) throws SQLException {
        return hashes("SELECT ID, SALT, HASH FROM " + RECOVERY + " WHERE ACCOUNT = ? AND LOOKUP = ? AND USED_MS IS NULL ORDER BY ID",
            account, lookup);
    }

    /** Marks the code used; false when it was used already (a race). */
    boolean useRecoveryCode(long id, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                 "UPDATE " + RECOVERY + " SET USED_MS = ? WHERE ID = ? AND USED_MS IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    long insertAppPassword(String account, String name, String lookup, Hashed hashed, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + APP_PASSWORDS
                 + " (ACCOUNT, NAME, LOOKUP, SALT, HASH, CREATED_MS) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"ID"})) {
            insert.setString(1, account);
            insert.setString(2, name);
            insert.setString(3, lookup);
            insert.setString(4, hashed.salt());
            insert.setString(5, hashed.hash());
            insert.setLong(6, at.toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for a new app password");
                }
                return keys.getLong(1);
            }
        }
    }

    List<AppPassword> appPasswords(String account) throws SQLException {
        List<AppPassword> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT ID, NAME, CREATED_MS, LAST_USED_MS FROM " + APP_PASSWORDS
                 + " WHERE ACCOUNT = ? ORDER BY ID")) {
            select.setString(1, account);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    // wasNull() speaks of the column read last: ask it right after reading LAST_USED_MS.
                    long lastUsedMs = rows.getLong(4);
                    Optional<Instant> lastUsed = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastUsedMs));
                    found.add(new AppPassword(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)), lastUsed));
                }
            }
        }
        return found;
    }

    List<Hashed> appPasswordHashes(String account, String lookup) throws SQLException {
        return hashes("SELECT ID, SALT, HASH FROM " + APP_PASSWORDS + " WHERE ACCOUNT = ? AND LOOKUP = ?", account, lookup);
    }

    void appPasswordUsed(long id, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + APP_PASSWORDS + " SET LAST_USED_MS = ? WHERE ID = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Deletes every app password of the account; returns how many there were. */
    int deleteAppPasswords(String account) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + APP_PASSWORDS + " WHERE ACCOUNT = ?")) {
            delete.setString(1, account);
            return delete.executeUpdate();
        }
    }

    /** Deletes one of the account's app passwords and returns its name; empty when the account has no such one. */
    Optional<String> deleteAppPassword(String account, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String name;
            try (PreparedStatement select = connection.prepareStatement(
                "SELECT NAME FROM " + APP_PASSWORDS + " WHERE ID = ? AND ACCOUNT = ?")) {
                select.setLong(1, id);
                select.setString(2, account);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    name = row.getString(1);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + APP_PASSWORDS + " WHERE ID = ? AND ACCOUNT = ?")) {
                delete.setLong(1, id);
                delete.setString(2, account);
                return delete.executeUpdate() == 1 ? Optional.of(name) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection connection, String account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + FACTORS + " WHERE ACCOUNT = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void deleteRecoveryCodes(Connection connection, String account) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + RECOVERY + " WHERE ACCOUNT = ?")) {
            delete.setString(1, account);
            delete.executeUpdate();
        }
    }

    private List<Hashed> hashes(String sql, String account, String lookup) throws SQLException {
        List<Hashed> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, account);
            if (lookup != null) {
                select.setString(2, lookup);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Hashed(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return found;
    }
}
