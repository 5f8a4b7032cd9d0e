package org.smg.gateway.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BLOB read as a stream straight from the database, never copied whole into the heap. Derby's
 * BLOB stream is valid only inside the transaction that selected it, so the stream holds its own
 * connection in a transaction and ends it (and returns the connection) when closed.
 */
public final class BlobStream extends FilterInputStream {
    private static final Logger LOGGER = LoggerFactory.getLogger(BlobStream.class);

    private final Connection connection;
    private final PreparedStatement select;
    private final ResultSet rows;
    private boolean closed;

    private BlobStream(InputStream blob, Connection connection, PreparedStatement select, ResultSet rows) {
        super(blob);
        this.connection = connection;
        this.select = select;
        this.rows = rows;
    }

    /**
     * Runs {@code sql}, a SELECT of one BLOB column with one string parameter, and streams the first row's BLOB.
     * Empty when no row matches; close the stream to free the connection.
     */
    public static Optional<InputStream> open(DataSource dataSource, String sql, String parameter) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            PreparedStatement select = connection.prepareStatement(sql);
            select.setString(1, parameter);
            ResultSet rows = select.executeQuery();
            if (!rows.next()) {
                rows.close();
                select.close();
                finish(connection);
                return Optional.empty();
            }
            return Optional.of(new BlobStream(rows.getBinaryStream(1), connection, select, rows));
        } catch (SQLException | RuntimeException e) {
            finish(connection);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
            rows.close();
            select.close();
        } catch (SQLException e) {
            throw new IOException("closing a stored message failed: " + e.getMessage(), e);
        } finally {
            finish(connection);
        }
    }

    private static void finish(Connection connection) {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOGGER.warn("closing a BLOB read failed: {}", e.getMessage());
        }
    }
}
