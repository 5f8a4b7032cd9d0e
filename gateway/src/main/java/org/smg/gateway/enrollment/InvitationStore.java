package org.smg.gateway.enrollment;

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

/** The single-use links table (invitations and password resets) in the encrypted database. */
public final class InvitationStore {
    static final String TABLE = "SMG_LINKS";
    private static final String COLUMNS = "ID, PURPOSE, ADDRESS, PROGRAM, EMAIL, NAME, EIN, ENTITY_NAME, TOKEN_HASH,"
        + " CREATED_MS, EXPIRES_MS, STATE, FAILED_TRIES, ISSUED_BY";

    private final DataSource dataSource;

    public InvitationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "ID VARCHAR(32) NOT NULL PRIMARY KEY, "
                + "PURPOSE VARCHAR(16) NOT NULL, "
                + "ADDRESS VARCHAR(320) NOT NULL, "
                + "PROGRAM VARCHAR(16), "
                + "EMAIL VARCHAR(320) NOT NULL, "
                + "NAME VARCHAR(200) NOT NULL, "
                + "EIN CHAR(10), "
                + "ENTITY_NAME VARCHAR(200), "
                + "TOKEN_HASH CHAR(64) NOT NULL, "
                + "CREATED_MS BIGINT NOT NULL, "
                + "EXPIRES_MS BIGINT NOT NULL, "
                + "STATE VARCHAR(16) NOT NULL, "
                + "FAILED_TRIES INT NOT NULL, "
                + "ISSUED_BY VARCHAR(512) NOT NULL)",
            "CREATE UNIQUE INDEX SMG_LINKS_TOKEN ON " + TABLE + " (TOKEN_HASH)",
            "CREATE INDEX SMG_LINKS_ADDRESS ON " + TABLE + " (ADDRESS)");
    }

    public void insert(Invitation link) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                 + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, link.id());
            insert.setString(2, link.purpose().name());
            insert.setString(3, AccountStore.key(link.address()));
            insert.setString(4, link.program().orElse(null));
            insert.setString(5, AccountStore.key(link.email()));
            insert.setString(6, link.name());
            insert.setString(7, link.business().map(BusinessIdentity::ein).orElse(null));
            insert.setString(8, link.business().map(BusinessIdentity::entityName).orElse(null));
            insert.setString(9, link.tokenHash());
            insert.setLong(10, link.created().toEpochMilli());
            insert.setLong(11, link.expires().toEpochMilli());
            insert.setString(12, link.state().word());
            insert.setInt(13, link.failedTries());
            insert.setString(14, link.issuedBy());
            insert.executeUpdate();
        }
    }

    public Optional<Invitation> findById(String id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ID = ?", id);
    }

    public Optional<Invitation> findByTokenHash(String tokenHash) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE TOKEN_HASH = ?", tokenHash);
    }

    /** Links of one purpose, newest first. */
    public List<Invitation> list(LinkPurpose purpose) throws SQLException {
        return many("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE PURPOSE = ? ORDER BY CREATED_MS DESC", purpose.name());
    }

    /** Links for one address that are still pending in the table (possibly past their expiry). */
    public List<Invitation> pendingFor(String address, LinkPurpose purpose) throws SQLException {
        List<Invitation> pending = new ArrayList<>();
        for (Invitation link : many("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ADDRESS = ? ORDER BY CREATED_MS DESC",
                AccountStore.key(address))) {
            if (link.purpose() == purpose && link.state() == InvitationState.PENDING) {
                pending.add(link);
            }
        }
        return pending;
    }

    /**
     * Moves a link from one stored state to another; false when it was no longer in {@code from}
     * (another request used or revoked it first), so a token can be spent only once.
     */
    public boolean transition(String id, InvitationState from, InvitationState to) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET STATE = ? WHERE ID = ? AND STATE = ?")) {
            update.setString(1, to.word());
            update.setString(2, id);
            update.setString(3, from.word());
            return update.executeUpdate() == 1;
        }
    }

    /** Counts one wrong business identity; returns the count after it. */
    public int countFailedTry(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET FAILED_TRIES = FAILED_TRIES + 1 WHERE ID = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT FAILED_TRIES FROM " + TABLE + " WHERE ID = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        }
    }

    private Optional<Invitation> one(String sql, String parameter) throws SQLException {
        List<Invitation> rows = many(sql, parameter);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Invitation> many(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<Invitation> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(row(rows));
                }
            }
            return links;
        }
    }

    private static Invitation row(ResultSet rows) throws SQLException {
        String ein = rows.getString(7);
        return new Invitation(rows.getString(1), LinkPurpose.valueOf(rows.getString(2)), rows.getString(3),
            Optional.ofNullable(rows.getString(4)), rows.getString(5), rows.getString(6),
            ein == null ? Optional.empty() : Optional.of(new BusinessIdentity(ein, rows.getString(8))),
            rows.getString(9), Instant.ofEpochMilli(rows.getLong(10)), Instant.ofEpochMilli(rows.getLong(11)),
            InvitationState.fromWord(rows.getString(12)).orElseThrow(() -> new SQLException("unknown link state in " + TABLE)),
            rows.getInt(13), rows.getString(14));
    }
}
