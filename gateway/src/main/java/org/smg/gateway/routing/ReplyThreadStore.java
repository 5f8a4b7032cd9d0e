package org.smg.gateway.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * The reply threads in the encrypted database: which staff address a thread id leads to, for which
 * citizen. A reply address carries only the thread id and a MAC ({@link ReplyTokens}), so the staff
 * address is known only here. One thread per citizen and staff address, so a citizen sees one stable
 * reply address per staff member or team. Addresses are stored in lower case.
 */
public final class ReplyThreadStore {
    static final String TABLE = "SMG_REPLY_THREADS";

    /** A thread: the citizen it was made for and the staff address it leads to. */
    public record Thread(String id, String citizen, String staff) {
    }

    private final DataSource dataSource;

    public ReplyThreadStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "THREAD_ID CHAR(" + ReplyTokens.THREAD_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "CITIZEN VARCHAR(320) NOT NULL, "
                + "STAFF VARCHAR(320) NOT NULL, "
                + "CREATED_MS BIGINT NOT NULL)",
            "CREATE UNIQUE INDEX SMG_REPLY_THREADS_PAIR ON " + TABLE + " (CITIZEN, STAFF)");
    }

    public Optional<Thread> find(String threadId) throws SQLException {
        return one("SELECT THREAD_ID, CITIZEN, STAFF FROM " + TABLE + " WHERE THREAD_ID = ?", threadId);
    }

    /** The thread of this citizen and staff address, made on first use. */
    public Thread findOrCreate(String citizen, String staff) throws SQLException {
        String citizenKey = citizen.toLowerCase(Locale.ROOT);
        String staffKey = staff.toLowerCase(Locale.ROOT);
        Optional<Thread> existing = byPair(citizenKey, staffKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO " + TABLE + " (THREAD_ID, CITIZEN, STAFF, CREATED_MS) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, ReplyTokens.newThreadId());
            insert.setString(2, citizenKey);
            insert.setString(3, staffKey);
            insert.setLong(4, Instant.now().toEpochMilli());
            insert.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException raced) {
            // Another mail made the same pair's thread meanwhile: use that one.
        }
        return byPair(citizenKey, staffKey).orElseThrow(() -> new SQLException("reply thread missing right after its insert"));
    }

    private Optional<Thread> byPair(String citizen, String staff) throws SQLException {
        return one("SELECT THREAD_ID, CITIZEN, STAFF FROM " + TABLE + " WHERE CITIZEN = ? AND STAFF = ?", citizen, staff);
    }

    private Optional<Thread> one(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Thread(rows.getString(1).strip(), rows.getString(2), rows.getString(3))) : Optional.empty();
            }
        }
    }
}
