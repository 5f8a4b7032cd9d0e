package org.smg.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * SQL access to the audit table in the encrypted database. Rows are only ever inserted: the
 * gateway has no statement that updates or deletes one.
 *
 * <p>Sequence numbers are not a Derby identity column: they are part of the hashed entry, so they
 * must be known before the row is written, and Derby's identity generator gives up under
 * contention anyway (40XL1, see the queue table). {@link AuditTrail} hands them out under a lock;
 * embedded Derby belongs to one JVM, so nobody else writes here.
 */
final class AuditTable {
    static final String TABLE = "SMG_AUDIT";
    static final int ACTOR_LENGTH = 512;
    static final int ACTION_LENGTH = 64;
    static final int OBJECT_ID_LENGTH = 1024;
    static final int OUTCOME_LENGTH = 128;
    static final int DETAIL_LENGTH = 1024;
    private static final String COLUMNS = "SEQ, TIME_MS, ACTOR, ACTION, OBJECT_ID, OUTCOME, DETAIL, PREV_HASH, HASH";
    private static final int FETCH_SIZE = 500;

    /** Receives rows one at a time while a query streams; returns false to stop early. */
    interface Visitor<E extends Exception> {
        boolean visit(AuditEntry entry) throws E;
    }

    private final DataSource dataSource;

    AuditTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "SEQ BIGINT NOT NULL PRIMARY KEY, "
                + "TIME_MS BIGINT NOT NULL, "
                + "ACTOR VARCHAR(" + ACTOR_LENGTH + ") NOT NULL, "
                + "ACTION VARCHAR(" + ACTION_LENGTH + ") NOT NULL, "
                + "OBJECT_ID VARCHAR(" + OBJECT_ID_LENGTH + ") NOT NULL, "
                + "OUTCOME VARCHAR(" + OUTCOME_LENGTH + ") NOT NULL, "
                + "DETAIL VARCHAR(" + DETAIL_LENGTH + ") NOT NULL, "
                + "PREV_HASH CHAR(64) NOT NULL, "
                + "HASH CHAR(64) NOT NULL)",
            "CREATE INDEX SMG_AUDIT_TIME ON " + TABLE + " (TIME_MS, SEQ)");
    }

    /** Commits one row (autocommit: Derby forces its log to disk before the commit returns). */
    void insert(AuditEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                 + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setLong(2, entry.timeMillis());
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, entry.objectId());
            insert.setString(6, entry.outcome());
            insert.setString(7, entry.detail());
            insert.setString(8, entry.prevHash());
            insert.setString(9, entry.hash());
            insert.executeUpdate();
        }
    }

    Optional<AuditEntry> last() throws SQLException {
        AuditEntry[] last = new AuditEntry[1];
        this.<RuntimeException>stream("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE SEQ = (SELECT MAX(SEQ) FROM " + TABLE + ")", null, entry -> {
            last[0] = entry;
            return false;
        });
        return Optional.ofNullable(last[0]);
    }

    /** Every row in sequence order, streamed: the table is never held in memory. */
    <E extends Exception> void forEachInSequence(Visitor<E> visitor) throws SQLException, E {
        stream("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY SEQ", null, visitor);
    }

    /** Rows appended in [fromMillis, toMillis), in sequence order, streamed. */
    <E extends Exception> void forEachInTimeRange(long fromMillis, long toMillis, Visitor<E> visitor) throws SQLException, E {
        stream("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE TIME_MS >= ? AND TIME_MS < ? ORDER BY SEQ",
            new long[] {fromMillis, toMillis}, visitor);
    }

    private <E extends Exception> void stream(String sql, long[] parameters, Visitor<E> visitor) throws SQLException, E {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            // Read committed: each row's read lock goes as the cursor moves on, so appends never wait for a long export.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            select.setFetchSize(FETCH_SIZE);
            for (int i = 0; parameters != null && i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    if (!visitor.visit(row(result))) {
                        return;
                    }
                }
            }
        }
    }

    private static AuditEntry row(ResultSet result) throws SQLException {
        return new AuditEntry(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4),
            result.getString(5), result.getString(6), result.getString(7), result.getString(8), result.getString(9));
    }

    /** Derby's lock timeout (40XL1) and deadlock victim (40001): the same statement may succeed when retried. */
    static boolean isTransient(SQLException e) {
        return "40XL1".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }
}
