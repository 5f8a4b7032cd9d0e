package org.smg.gateway.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.smg.gateway.storage.Tables;

/**
 * The accounts table in the encrypted database: everything about a citizen except the
 * credentials. Addresses and external emails are stored in lower case, so lookups ignore case.
 */
public final class AccountStore {
    static final String TABLE = "SMG_ACCOUNTS";
    private static final String COLUMNS = "ADDRESS, DISPLAY_NAME, EMAIL, PROGRAMS, STATE, ACCEPTED_TERMS, TERMS_AT_MS, EIN, ENTITY_NAME, CREATED_MS";

    private final DataSource dataSource;

    public AccountStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "ADDRESS VARCHAR(320) NOT NULL PRIMARY KEY, "
                + "DISPLAY_NAME VARCHAR(200) NOT NULL, "
                + "EMAIL VARCHAR(320) NOT NULL, "
                + "PROGRAMS VARCHAR(1024) NOT NULL, "
                + "STATE VARCHAR(16) NOT NULL, "
                + "ACCEPTED_TERMS VARCHAR(1024), "
                + "TERMS_AT_MS BIGINT, "
                + "EIN CHAR(10), "
                + "ENTITY_NAME VARCHAR(200), "
                + "CREATED_MS BIGINT NOT NULL)",
            "CREATE UNIQUE INDEX SMG_ACCOUNTS_EMAIL ON " + TABLE + " (EMAIL)");
    }

    public Optional<Account> find(String address) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ADDRESS = ?", key(address));
    }

    public Optional<Account> findByEmail(String email) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE EMAIL = ?", key(email));
    }

    public boolean addressTaken(String address) throws SQLException {
        return find(address).isPresent();
    }

    /** Every account, or those in one state, ordered by address. */
    public List<Account> list(Optional<AccountState> state) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + (state.isPresent() ? " WHERE STATE = ?" : "") + " ORDER BY ADDRESS";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (state.isPresent()) {
                select.setString(1, state.get().word());
            }
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.add(row(rows));
                }
            }
            return accounts;
        }
    }

    public void insert(Account account) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                 + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, account);
            insert.executeUpdate();
        }
    }

    /** Replaces every field of the account with this address. */
    public void update(Account account) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET ADDRESS = ?, DISPLAY_NAME = ?, EMAIL = ?,"
                 + " PROGRAMS = ?, STATE = ?, ACCEPTED_TERMS = ?, TERMS_AT_MS = ?, EIN = ?, ENTITY_NAME = ?, CREATED_MS = ? WHERE ADDRESS = ?")) {
            bind(update, account);
            update.setString(11, key(account.address()));
            if (update.executeUpdate() != 1) {
                throw new SQLException("no account " + account.address());
            }
        }
    }

    private static void bind(PreparedStatement statement, Account account) throws SQLException {
        statement.setString(1, key(account.address()));
        statement.setString(2, account.displayName());
        statement.setString(3, key(account.email()));
        statement.setString(4, String.join(",", account.programs()));
        statement.setString(5, account.state().word());
        statement.setString(6, account.acceptedTerms().orElse(null));
        if (account.termsAcceptedAt().isPresent()) {
            statement.setLong(7, account.termsAcceptedAt().get().toEpochMilli());
        } else {
            statement.setNull(7, Types.BIGINT);
        }
        statement.setString(8, account.business().map(BusinessIdentity::ein).orElse(null));
        statement.setString(9, account.business().map(BusinessIdentity::entityName).orElse(null));
        statement.setLong(10, account.created().toEpochMilli());
    }

    private Optional<Account> one(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    private static Account row(ResultSet rows) throws SQLException {
        String programs = rows.getString(4);
        long termsAt = rows.getLong(7);
        Optional<Instant> termsAcceptedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(termsAt));
        String ein = rows.getString(8);
        Optional<BusinessIdentity> business = ein == null ? Optional.empty() : Optional.of(new BusinessIdentity(ein, rows.getString(9)));
        return new Account(rows.getString(1), rows.getString(2), rows.getString(3),
            programs.isEmpty() ? List.of() : Arrays.asList(programs.split(",")),
            AccountState.fromWord(rows.getString(5)).orElseThrow(() -> new SQLException("unknown account state in " + TABLE)),
            Optional.ofNullable(rows.getString(6)), termsAcceptedAt, business, Instant.ofEpochMilli(rows.getLong(10)));
    }

    static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
