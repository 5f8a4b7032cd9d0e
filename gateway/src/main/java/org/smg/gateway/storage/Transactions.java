package org.smg.gateway.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database transaction on a connection: committed when the work returns, rolled back when it
 * throws, and the connection back in auto-commit either way (pooled connections are shared).
 */
public final class Transactions {
    /** What runs inside the transaction; {@code E} is the work's own checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection connection) throws E, SQLException;
    }

    private Transactions() {
    }

    public static <T, E extends Exception> T inTransaction(Connection connection, Work<T, E> work) throws E, SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (Throwable failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
