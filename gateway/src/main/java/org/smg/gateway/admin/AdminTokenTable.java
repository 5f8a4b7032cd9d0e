package org.smg.gateway.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * The named administrators in the encrypted database: name, SHA-256 of the token (never the token),
 * who created it and when, when it was revoked. Rows are never deleted, so that a name in the
 * audit trail always resolves to one administrator.
 */
final class AdminTokenTable {
    static final String TABLE = "SMG_ADMINS";
    private static final String COLUMNS = "NAME, TOKEN_HASH, CREATED_MS, CREATED_BY, REVOKED_MS";

    /** One administrator as stored. */
    record Row(String name, String tokenHash, Instant created, String createdBy, Optional<Instant> revoked) {
        boolean active() {
            return revoked.isEmpty();
        }
    }

    private final DataSource dataSource;

    AdminTokenTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "NAME VARCHAR(32) NOT NULL PRIMARY KEY, "
                + "TOKEN_HASH CHAR(64) NOT NULL, "
                + "CREATED_MS BIGINT NOT NULL, "
                + "CREATED_BY VARCHAR(64) NOT NULL, "
                + "REVOKED_MS BIGINT)",
            "CREATE UNIQUE INDEX SMG_ADMINS_TOKEN ON " + TABLE + " (TOKEN_HASH)");
    }

    void insert(Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, row.name());
            insert.setString(2, row.tokenHash());
            insert.setLong(3, row.created().toEpochMilli());
            insert.setString(4, row.createdBy());
            if (row.revoked().isPresent()) {
                insert.setLong(5, row.revoked().get().toEpochMilli());
            } else {
                insert.setNull(5, Types.BIGINT);
            }
            insert.executeUpdate();
        }
    }

    Optional<Row> find(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** Every administrator, by name. */
    List<Row> all() throws SQLException {
        List<Row> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY NAME");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(row(rows));
            }
        }
        return all;
    }

    /** Marks an administrator revoked; false when it was not active (unknown or already revoked). */
    boolean revoke(String name, Instant when) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET REVOKED_MS = ? WHERE NAME = ? AND REVOKED_MS IS NULL")) {
            update.setLong(1, when.toEpochMilli());
            update.setString(2, name);
            return update.executeUpdate() == 1;
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        long revoked = rows.getLong("REVOKED_MS");
        Optional<Instant> revokedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return new Row(rows.getString("NAME"), rows.getString("TOKEN_HASH"), Instant.ofEpochMilli(rows.getLong("CREATED_MS")),
            rows.getString("CREATED_BY"), revokedAt);
    }
}
