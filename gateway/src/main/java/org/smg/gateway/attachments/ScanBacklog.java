package org.smg.gateway.attachments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * The mails waiting in the queue because the scanner gave no verdict: one row per mail (name, since when,
 * attempts), in the encrypted database so the count survives a restart. WebAdmin's {@code GET /scanner} shows
 * the count and the oldest; a row goes when the mail's inspection finally completes, whatever the verdict.
 */
@Singleton
public final class ScanBacklog {
    static final String TABLE = "SMG_SCAN_BACKLOG";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public ScanBacklog(DataSource dataSource) throws SQLException {
        this(dataSource, Clock.systemUTC());
    }

    ScanBacklog(DataSource dataSource, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        this.clock = clock;
        Tables.createIfMissing(dataSource, TABLE, "CREATE TABLE " + TABLE + " ("
            + "MAIL_NAME VARCHAR(1024) NOT NULL PRIMARY KEY, "
            + "SINCE TIMESTAMP NOT NULL, "
            + "ATTEMPTS INT NOT NULL)");
    }

    /** Records one more failed attempt for the mail; returns the attempts so far. */
    public int waiting(String mailName) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET ATTEMPTS = ATTEMPTS + 1 WHERE MAIL_NAME = ?")) {
                update.setString(1, mailName);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (MAIL_NAME, SINCE, ATTEMPTS) VALUES (?, ?, 1)")) {
                        insert.setString(1, mailName);
                        insert.setTimestamp(2, Timestamp.from(clock.instant()));
                        insert.executeUpdate();
                    }
                }
            }
            return attempts(connection, mailName);
        }
    }

    /** The mail's inspection completed (passed, refused or held): it no longer waits. */
    public void done(String mailName) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE MAIL_NAME = ?")) {
            delete.setString(1, mailName);
            delete.executeUpdate();
        }
    }

    /** How many mails wait for a scan, and since when the oldest waits. */
    public Summary summary() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), MIN(SINCE) FROM " + TABLE);
             ResultSet row = query.executeQuery()) {
            row.next();
            return new Summary(row.getLong(1), Optional.ofNullable(row.getTimestamp(2)).map(Timestamp::toInstant));
        }
    }

    private static int attempts(Connection connection, String mailName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ATTEMPTS FROM " + TABLE + " WHERE MAIL_NAME = ?")) {
            query.setString(1, mailName);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** The backlog at one moment. */
    public record Summary(long waiting, Optional<java.time.Instant> oldestSince) {
    }
}
