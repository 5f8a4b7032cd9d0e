package org.smg.gateway.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * Notification state per citizen in the encrypted database, so that a restart neither sends a
 * second notification within the interval nor forgets a follow-up that was due. Holds only
 * addresses and times: nothing of any message.
 */
final class NotificationTable {
    static final String TABLE = "SMG_NOTIFICATIONS";

    private final DataSource dataSource;

    NotificationTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " (ADDRESS VARCHAR(320) NOT NULL PRIMARY KEY, LAST_SENT_MS BIGINT NOT NULL, FOLLOW_UP_MS BIGINT)",
            "CREATE INDEX SMG_NOTIFICATIONS_DUE ON " + TABLE + " (FOLLOW_UP_MS)");
    }

    Optional<NotificationState> find(String address) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT ADDRESS, LAST_SENT_MS, FOLLOW_UP_MS FROM " + TABLE + " WHERE ADDRESS = ?")) {
            select.setString(1, key(address));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(state(rows)) : Optional.empty();
            }
        }
    }

    void save(NotificationState state) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET LAST_SENT_MS = ?, FOLLOW_UP_MS = ? WHERE ADDRESS = ?")) {
                bind(update, state);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (LAST_SENT_MS, FOLLOW_UP_MS, ADDRESS) VALUES (?, ?, ?)")) {
                bind(insert, state);
                insert.executeUpdate();
            }
        }
    }

    /** The citizens whose follow-up is due at {@code now}. */
    List<NotificationState> due(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT ADDRESS, LAST_SENT_MS, FOLLOW_UP_MS FROM " + TABLE + " WHERE FOLLOW_UP_MS <= ? ORDER BY FOLLOW_UP_MS")) {
            select.setLong(1, now.toEpochMilli());
            List<NotificationState> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(state(rows));
                }
            }
            return due;
        }
    }

    private static void bind(PreparedStatement statement, NotificationState state) throws SQLException {
        statement.setLong(1, state.lastSent().toEpochMilli());
        if (state.followUp().isPresent()) {
            statement.setLong(2, state.followUp().get().toEpochMilli());
        } else {
            statement.setNull(2, Types.BIGINT);
        }
        statement.setString(3, key(state.address()));
    }

    private static NotificationState state(ResultSet rows) throws SQLException {
        long followUp = rows.getLong(3);
        Optional<Instant> due = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(followUp));
        return new NotificationState(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), due);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
