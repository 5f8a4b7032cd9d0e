package org.smg.gateway.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * The consents table in the encrypted database. A revoked consent keeps its row (revocation time and
 * administrator), so the record of who could read what, and when, stays complete.
 */
public final class ConsentStore {
    static final String TABLE = "SMG_CONSENTS";
    private static final String COLUMNS = "ID, FORM, REPRESENTATIVE, CITIZEN, SCOPE, START_MS, END_MS, CREATED_MS, CREATED_BY, REVOKED_MS, REVOKED_BY";

    private final DataSource dataSource;

    public ConsentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "FORM VARCHAR(16) NOT NULL, "
                + "REPRESENTATIVE VARCHAR(320) NOT NULL, "
                + "CITIZEN VARCHAR(320) NOT NULL, "
                + "SCOPE VARCHAR(16) NOT NULL, "
                + "START_MS BIGINT NOT NULL, "
                + "END_MS BIGINT NOT NULL, "
                + "CREATED_MS BIGINT NOT NULL, "
                + "CREATED_BY VARCHAR(200) NOT NULL, "
                + "REVOKED_MS BIGINT, "
                + "REVOKED_BY VARCHAR(200), "
                + "STARTED_NOTICE_MS BIGINT, "
                + "ENDED_NOTICE_MS BIGINT)",
            "CREATE INDEX SMG_CONSENTS_REPRESENTATIVE ON " + TABLE + " (REPRESENTATIVE, CITIZEN)",
            "CREATE INDEX SMG_CONSENTS_CITIZEN ON " + TABLE + " (CITIZEN)",
            "CREATE INDEX SMG_CONSENTS_END ON " + TABLE + " (END_MS)");
        addNoticeColumnsIfMissing();
    }

    /** A table made before the notice columns existed gets them (its consents then count as not yet noticed). */
    private void addNoticeColumnsIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, TABLE, "STARTED_NOTICE_MS")) {
            if (columns.next()) {
                return;
            }
            try (Statement alter = connection.createStatement()) {
                alter.executeUpdate("ALTER TABLE " + TABLE + " ADD COLUMN STARTED_NOTICE_MS BIGINT");
                alter.executeUpdate("ALTER TABLE " + TABLE + " ADD COLUMN ENDED_NOTICE_MS BIGINT");
            }
        }
    }

    /** Which notice to the citizen a consent row records as sent. */
    enum Notice {
        STARTED("STARTED_NOTICE_MS"),
        ENDED("ENDED_NOTICE_MS");

        private final String column;

        Notice(String column) {
            this.column = column;
        }
    }

    /**
     * Marks the notice as sent, once: only the caller that gets true sends it (the schedule and a revocation may
     * race). The ended notice is claimed only after the started one: a citizen never told of a start hears of no end.
     */
    boolean claimNotice(long id, Notice notice, Instant at) throws SQLException {
        String precondition = notice == Notice.ENDED ? " AND STARTED_NOTICE_MS IS NOT NULL" : "";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET " + notice.column + " = ? WHERE ID = ? AND "
                 + notice.column + " IS NULL" + precondition)) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** The unrevoked consents in force at {@code now} whose citizen was not yet told of the start. */
    List<Consent> startedUnnoticed(Instant now) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE STARTED_NOTICE_MS IS NULL AND REVOKED_MS IS NULL"
            + " AND START_MS <= ? AND END_MS > ? ORDER BY ID", now.toEpochMilli(), now.toEpochMilli());
    }

    /** The consents ended by {@code now} whose citizen was told of the start but not yet of the end. */
    List<Consent> endedUnnoticed(Instant now) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ENDED_NOTICE_MS IS NULL AND STARTED_NOTICE_MS IS NOT NULL"
            + " AND END_MS <= ? ORDER BY ID", now.toEpochMilli());
    }

    /** Stores a new consent (addresses already in lower case) and returns its id. */
    long insert(String form, String representative, String citizen, ConsentScope scope, Instant start, Instant end,
                Instant created, String createdBy) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                 + " (FORM, REPRESENTATIVE, CITIZEN, SCOPE, START_MS, END_MS, CREATED_MS, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, form);
            insert.setString(2, representative);
            insert.setString(3, citizen);
            insert.setString(4, scope.word());
            insert.setLong(5, start.toEpochMilli());
            insert.setLong(6, end.toEpochMilli());
            insert.setLong(7, created.toEpochMilli());
            insert.setString(8, createdBy);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for a new consent");
                }
                return keys.getLong(1);
            }
        }
    }

    /** @return false when there is no such consent or it was revoked already */
    boolean revoke(long id, Instant at, String actor) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                 "UPDATE " + TABLE + " SET REVOKED_MS = ?, REVOKED_BY = ? WHERE ID = ? AND REVOKED_MS IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, actor);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    Optional<Consent> find(long id) throws SQLException {
        List<Consent> found = query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ID = ?", id);
        return found.stream().findFirst();
    }

    /** The consents the account gives or holds, newest first. */
    List<Consent> ofAccount(String account) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE REPRESENTATIVE = ? OR CITIZEN = ? ORDER BY ID DESC", account, account);
    }

    /** The unrevoked consents of the representative for the citizen (their times are checked by the caller). */
    List<Consent> unrevoked(String representative, String citizen) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE REPRESENTATIVE = ? AND CITIZEN = ? AND REVOKED_MS IS NULL ORDER BY ID",
            representative, citizen);
    }

    /** The consents whose end lies in {@code (after, until]}, revoked or not. */
    List<Consent> endingBetween(Instant after, Instant until) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE END_MS > ? AND END_MS <= ? ORDER BY ID",
            after.toEpochMilli(), until.toEpochMilli());
    }

    private List<Consent> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long number) {
                    select.setLong(i + 1, number);
                } else {
                    select.setString(i + 1, (String) parameters[i]);
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                List<Consent> consents = new ArrayList<>();
                while (rows.next()) {
                    consents.add(row(rows));
                }
                return consents;
            }
        }
    }

    private static Consent row(ResultSet rows) throws SQLException {
        long revoked = rows.getLong(10);
        Optional<Instant> revokedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return new Consent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
            ConsentScope.fromWord(rows.getString(5)).orElseThrow(() -> new SQLException("unknown consent scope in the database")),
            Instant.ofEpochMilli(rows.getLong(6)), Instant.ofEpochMilli(rows.getLong(7)), Instant.ofEpochMilli(rows.getLong(8)),
            rows.getString(9), revokedAt, Optional.ofNullable(rows.getString(11)));
    }

}
