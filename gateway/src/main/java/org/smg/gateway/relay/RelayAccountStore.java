package org.smg.gateway.relay;

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

/** The relay accounts table in the encrypted database: name, password hash, when and by whom made. */
public final class RelayAccountStore {
    static final String TABLE = "SMG_RELAY_ACCOUNTS";

    /** A relay account as listed (never with its hash). */
    public record RelayAccount(String name, Instant created, String createdBy) {
    }

    private final DataSource dataSource;

    public RelayAccountStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "NAME VARCHAR(32) NOT NULL PRIMARY KEY, "
                + "PASSWORD_HASH VARCHAR(256) NOT NULL, "
                + "CREATED_MS BIGINT NOT NULL, "
                + "CREATED_BY VARCHAR(200) NOT NULL)");
    }

    /** @return false when an account of that name exists */
    boolean insert(String name, String passwordHash, String actor) throws SQLException {
        if (passwordHash(name).isPresent()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO " + TABLE + " (NAME, PASSWORD_HASH, CREATED_MS, CREATED_BY) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, passwordHash);
            insert.setLong(3, Instant.now().toEpochMilli());
            insert.setString(4, actor);
            return insert.executeUpdate() == 1;
        } catch (java.sql.SQLIntegrityConstraintViolationException raced) {
            return false;
        }
    }

    boolean updatePassword(String name, String passwordHash) throws SQLException {
        return update("UPDATE " + TABLE + " SET PASSWORD_HASH = ? WHERE NAME = ?", passwordHash, name);
    }

    boolean delete(String name) throws SQLException {
        return update("DELETE FROM " + TABLE + " WHERE NAME = ?", name);
    }

    Optional<String> passwordHash(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT PASSWORD_HASH FROM " + TABLE + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public List<RelayAccount> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT NAME, CREATED_MS, CREATED_BY FROM " + TABLE + " ORDER BY NAME");
             ResultSet rows = select.executeQuery()) {
            List<RelayAccount> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(new RelayAccount(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
            }
            return accounts;
        }
    }

    private boolean update(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate() == 1;
        }
    }
}
