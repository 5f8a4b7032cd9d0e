package org.smg.gateway.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Creates the gateway's own tables on first start; a table that exists is left as it is. */
public final class Tables {
    private Tables() {
    }

    /**
     * Runs the statements (the CREATE TABLE and its indexes) when {@code table} does not exist yet.
     * One JVM owns the embedded database, so nobody else creates it in between.
     */
    public static void createIfMissing(DataSource dataSource, String table, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            if (tables.next()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }

    /** Runs the statements (an ALTER TABLE ADD COLUMN and its indexes) when {@code table} has no {@code column} yet. */
    public static void addColumnIfMissing(DataSource dataSource, String table, String column, String... statements)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
            if (columns.next()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }
}
